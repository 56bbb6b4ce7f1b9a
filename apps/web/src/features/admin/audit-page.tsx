import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntry } from '@amb/shared/organisation';
import { orgRoleNames, teamRoleNames } from '../../lib/role-names';
import { adminKeys, fetchAudit } from './api';

type Payload = Record<string, unknown> | undefined;
const role = (p: Payload) => teamRoleNames[(p?.role as keyof typeof teamRoleNames) ?? 'MEMBER'] ?? String(p?.role);
const policyNames: Record<string, string> = { OPEN: 'anyone', INVITATION_ONLY: 'invitation only', DOMAINS: 'listed domains' };

/** One admin action in words. */
function describe(e: AuditEntry): string {
  const from = e.from as Payload;
  const to = e.to as Payload;
  const who = e.subject?.name ?? 'someone';
  switch (e.kind) {
    case 'team.created':
      return `Created the team ${(to?.name as string) ?? ''}`;
    case 'team.renamed':
      return `Renamed the team from ${from?.name as string} to ${to?.name as string}`;
    case 'team.archived':
      return `Archived the team ${(from?.name as string) ?? ''}`;
    case 'team.member.added':
      return `Added ${who} as ${role(to).toLowerCase()}`;
    case 'team.member.role.changed':
      return `Changed ${who} from ${role(from).toLowerCase()} to ${role(to).toLowerCase()}`;
    case 'team.member.removed':
      return `Took ${who} off the team`;
    case 'user.org-role.changed':
      return `Changed ${who}'s organisation role from ${orgRoleNames[from?.orgRole as keyof typeof orgRoleNames]} to ${orgRoleNames[to?.orgRole as keyof typeof orgRoleNames]}`;
    case 'user.deactivated':
      return `Deactivated ${who}`;
    case 'user.reactivated':
      return `Reactivated ${who}`;
    case 'invitation.created':
      return `Invited ${to?.email as string} as ${role(to).toLowerCase()}`;
    case 'invitation.accepted':
      return `${who} joined through an invitation`;
    case 'invitation.revoked':
      return `Withdrew the invitation for ${from?.email as string}`;
    case 'settings.sign-up-policy.changed': {
      const domains = (to?.allowedDomains as string[] | undefined)?.join(', ');
      return `Set sign-up to ${policyNames[to?.signUpPolicy as string] ?? to?.signUpPolicy}${domains ? ` (${domains})` : ''}`;
    }
    default:
      return e.kind;
  }
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
      {audit.isPending && <p role="status" className="muted">Loading…</p>}
      {audit.isError && <p role="alert" className="form-error">The audit log could not be loaded: {audit.error.message}</p>}
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
