import { Navigate } from 'react-router';
import { useAuthStore } from './auth-store';
import { useTeams } from './teams';

/** Sends a person to their first team's board, or to the dashboard when they belong to none. */
export function HomeRedirect() {
  const teams = useTeams();
  const me = useAuthStore((s) => s.me);
  if (!teams) return <p className="page-loading" role="status">Loading your teams…</p>;
  const own = me?.memberships[0]?.teamId;
  const first = own ?? teams[0]?.id;
  if (!first) {
    return (
      <section className="empty-state">
        <h1>No team yet</h1>
        <p>You are not on any team. Ask an admin to add you to one.</p>
      </section>
    );
  }
  return <Navigate to={`/teams/${first}/board`} replace />;
}
