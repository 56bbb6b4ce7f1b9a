import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { QueryState } from '../../components/query-state';
import { fetchDeliveries, resendDelivery, webhookKeys } from './api';
import { deliveryState } from './delivery-state';
import { eventName } from './event-names';

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }) : '—';

/** The latest deliveries of one webhook, refreshed while any is waiting, each with a button to send it again. */
export function DeliveryList({ webhookId, active }: { webhookId: string; active: boolean }) {
  const queryClient = useQueryClient();
  const deliveries = useQuery({
    queryKey: webhookKeys.deliveries(webhookId),
    queryFn: () => fetchDeliveries(webhookId),
    // Quick while something waits to be sent; otherwise often enough to see new deliveries arrive.
    refetchInterval: (q) => (q.state.data?.deliveries.some((d) => d.status === 'PENDING') ? 2000 : 5000),
  });
  const resend = useMutation({
    mutationFn: resendDelivery,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(webhookId) }),
  });

  return (
    <QueryState
      query={deliveries}
      loading="Loading the deliveries…"
      failed="The deliveries could not be loaded"
      isEmpty={(d) => d.deliveries.length === 0}
      empty={<p>Nothing sent yet. A delivery appears here when one of the chosen events happens on the board.</p>}
    >
      {(data) => (
        <>
          {resend.isError && (
            <p role="alert" className="form-error">
              Not sent again: {resend.error.message}
            </p>
          )}
          <div className="webhook-deliveries">
            <table>
              <caption>Latest deliveries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">State</th>
                  <th scope="col" className="num">
                    Attempts
                  </th>
                  <th scope="col">Last answer</th>
                  <th scope="col">Next try</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.deliveries.map((d) => {
                  const state = deliveryState(d);
                  return (
                    <tr key={d.id}>
                      <td>
                        {eventName(d.event)}
                        <span className="muted small">{when(d.createdAt)}</span>
                      </td>
                      <td>
                        <span className={`delivery-state ${state.tone}`}>{state.label}</span>
                        {d.deliveredAt && <span className="muted small">{when(d.deliveredAt)}</span>}
                      </td>
                      <td className="num" data-label="Attempts">
                        {d.attempts}
                      </td>
                      <td className="delivery-answer" data-label="Last answer">
                        {d.lastStatus !== null ? (
                          <strong>HTTP {d.lastStatus}</strong>
                        ) : d.attempts > 0 ? (
                          <strong>No HTTP answer</strong>
                        ) : (
                          '—'
                        )}
                        {d.lastResponse && <code title={d.lastResponse}>{d.lastResponse.slice(0, 120)}</code>}
                      </td>
                      <td data-label="Next try">{d.status === 'PENDING' ? when(d.nextAttemptAt) : '—'}</td>
                      <td>
                        <button
                          type="button"
                          disabled={!active || resend.isPending}
                          title={active ? undefined : 'Turn the webhook on to send again'}
                          onClick={() => resend.mutate(d.id)}
                          aria-label={`Re-send ${eventName(d.event)} of ${when(d.createdAt)}`}
                        >
                          Re-send
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </QueryState>
  );
}
