import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntry } from '@amb/shared/organisation';
import { describeActivity } from '@amb/shared/activity-sentence';
import { adminKeys, fetchAudit } from './api';

/** One admin action in words, from the same renderer as card history. */
function describe(e: AuditEntry): string {
  const text = describeActivity(e, (id) => (id === e.subject?.id ? e.subject.name : undefined));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every admin action, newest first. */
export function AuditPage() {
  const audit = useInfiniteQuery({
    queryKey: adminKeys.audit,
    queryFn: ({ pageParam }) => fetchAudit(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <div className="panel">
      <h2>Audit log</h2>
      {audit.isPending && (
        <p role="status" className="muted">
          Loading…
        </p>
      )}
      {audit.isError && (
        <p role="alert" className="form-error">
          The audit log could not be loaded: {audit.error.message}
        </p>
      )}
      {audit.isSuccess && entries.length === 0 && <p className="muted">No admin actions yet.</p>}
      {entries.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Team</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
                  </td>
                  <td>{e.actor?.name ?? '—'}</td>
                  <td>{describe(e)}</td>
                  <td>{e.team?.name ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {audit.hasNextPage && (
        <button type="button" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          {audit.isFetchingNextPage ? 'Loading…' : 'Older entries'}
        </button>
      )}
    </div>
  );
}
