import { Navigate } from 'react-router';
import { useAuthStore } from './auth-store';
import { useTeams } from './teams';

/** Sends PMO staff and admins to the portfolio dashboard, everyone else to their first team's board. */
export function HomeRedirect() {
  const teams = useTeams();
  const me = useAuthStore((s) => s.me);
  if (me && (me.user.orgRole === 'PMO' || me.user.orgRole === 'ADMIN')) return <Navigate to="/dashboard" replace />;
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
