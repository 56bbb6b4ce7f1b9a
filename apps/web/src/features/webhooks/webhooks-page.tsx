import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Webhook } from '@amb/shared/webhooks';
import { useConfirm } from '../../components/confirm-dialog';
import { QueryState } from '../../components/query-state';
import { ApiError } from '../../lib/api-client';
import { deleteWebhook, fetchTeam, fetchWebhooks, setWebhookActive, webhookKeys } from './api';
import { DeliveryList } from './delivery-list';
import { eventName } from './event-names';
import { WebhookForm } from './webhook-form';
import './webhooks.css';

/** A team's webhooks (scrum masters and admins): register one, turn it off or on, delete it, follow its deliveries. */
export function WebhooksPage() {
  const { teamId = '' } = useParams();
  const team = useQuery({ queryKey: [...webhookKeys.team(teamId), 'team'], queryFn: () => fetchTeam(teamId) });
  const webhooks = useQuery({ queryKey: webhookKeys.team(teamId), queryFn: () => fetchWebhooks(teamId) });
  const [created, setCreated] = useState<{ secret: string; url: string } | null>(null);
  const [copied, setCopied] = useState(false);
  // Members and viewers may follow the board's link here: say who manages webhooks rather than show a failure.
  const notAllowed = webhooks.error instanceof ApiError && webhooks.error.status === 403;

  if (notAllowed) {
    return (
      <main className="webhooks-page">
        <p>
          <Link to={`/teams/${teamId}/board`}>← Back to the board</Link>
        </p>
        <h1>Webhooks{team.data ? ` of ${team.data.name}` : ''}</h1>
        <p role="alert" className="notice">
          Only the team’s scrum masters and admins see and manage its webhooks. Ask one of them to connect the board to
          another system.
        </p>
      </main>
    );
  }

  return (
    <main className="webhooks-page">
      <p>
        <Link to={`/teams/${teamId}/board`}>← Back to the board</Link>
      </p>
      <h1>Webhooks{team.data ? ` of ${team.data.name}` : ''}</h1>
      <p className="muted">
        A webhook sends the board’s changes as signed JSON to another system: a chat channel, an automation. Each
        delivery carries an <code>x-board-signature</code> header (HMAC-SHA256 of the body with the webhook’s secret)
        and is tried again for a day when the receiver does not answer 2xx.
      </p>

      {created && (
        <div className="webhook-secret" role="status">
          <p>
            <strong>Webhook registered for {created.url}.</strong> Copy its secret now: it is not shown again.
          </p>
          <p className="secret-line">
            <code aria-label="Secret">{created.secret}</code>
            <button
              type="button"
              onClick={() => {
                void navigator.clipboard?.writeText(created.secret).then(() => setCopied(true));
              }}
            >
              {copied ? 'Copied' : 'Copy secret'}
            </button>
            <button type="button" onClick={() => (setCreated(null), setCopied(false))}>
              Done
            </button>
          </p>
        </div>
      )}

      <QueryState
        query={webhooks}
        loading="Loading the webhooks…"
        failed="The webhooks could not be loaded"
        isEmpty={(d) => d.webhooks.length === 0}
        empty={<p>No webhook yet. Register one below to send this team’s changes to another system.</p>}
      >
        {(data) => (
          <ul className="webhook-list" aria-label="Webhooks">
            {data.webhooks.map((hook) => (
              <WebhookItem key={hook.id} hook={hook} teamId={teamId} />
            ))}
          </ul>
        )}
      </QueryState>

      <section aria-labelledby="register-webhook">
        <h2 id="register-webhook">Register a webhook</h2>
        <WebhookForm teamId={teamId} onRegistered={(secret, url) => (setCreated({ secret, url }), setCopied(false))} />
      </section>
    </main>
  );
}

const stateNames = { on: 'On', off: 'Off', paused: 'Paused' } as const;

function WebhookItem({ hook, teamId }: { hook: Webhook; teamId: string }) {
  const queryClient = useQueryClient();
  const [confirm, dialog] = useConfirm();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: webhookKeys.team(teamId) });
  const toggle = useMutation({
    mutationFn: (active: boolean) => setWebhookActive(hook.id, active),
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: () => deleteWebhook(hook.id), onSettled: refresh });
  const error = toggle.error ?? remove.error;
  const state = !hook.active ? 'off' : hook.pausedUntil ? 'paused' : 'on';

  async function askToDelete() {
    const ok = await confirm({
      title: 'Delete this webhook?',
      message: (
        <p>
          Nothing more is sent to <strong>{hook.url}</strong>, and its deliveries are removed with it.
        </p>
      ),
      confirmLabel: 'Delete webhook',
    });
    if (ok) remove.mutate();
  }

  return (
    <li className={`webhook${hook.active ? '' : ' off'}`}>
      <section aria-label={`Webhook ${hook.url}`}>
        <div className="webhook-head">
          <h2 className="webhook-url">{hook.url}</h2>
          <span className={`webhook-state ${state}`}>{stateNames[state]}</span>
        </div>
        {!hook.active && hook.disabledReason && (
          <p className="muted">Off: {hook.disabledReason}. Deliveries wait until it is turned on again.</p>
        )}
        {hook.active && <FailingLine hook={hook} />}
        <p className="webhook-events-line">Sends: {hook.events.map(eventName).join(' · ')}</p>
        <div className="webhook-actions">
          <button type="button" disabled={toggle.isPending} onClick={() => toggle.mutate(!hook.active)}>
            {hook.active ? 'Turn off' : 'Turn on'}
          </button>
          <button type="button" className="danger" disabled={remove.isPending} onClick={() => void askToDelete()}>
            Delete…
          </button>
        </div>
        {error && (
          <p role="alert" className="form-error">
            {error.message}
          </p>
        )}
        <h3>Deliveries</h3>
        <DeliveryList webhookId={hook.id} active={hook.active} />
      </section>
      {dialog}
    </li>
  );
}

/** A receiver that keeps failing: how many deliveries failed in a row, and until when it is paused. */
function FailingLine({ hook }: { hook: Webhook }) {
  if (hook.failuresInRow === 0) return null;
  const failed = `${hook.failuresInRow} ${hook.failuresInRow === 1 ? 'delivery' : 'deliveries'} in a row failed`;
  if (!hook.pausedUntil) return <p className="webhook-failing">Failing: {failed}.</p>;
  const until = new Date(hook.pausedUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <p className="webhook-failing">
      Paused until {until}: {failed}. Its deliveries wait; sending one again by hand tries the receiver now.
    </p>
  );
}
