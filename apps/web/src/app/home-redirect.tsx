import { lazy, Suspense } from 'react';
import { Navigate } from 'react-router';
import { useAuthStore } from './auth-store';
import { useTeams } from './teams';

// Only people on no team see it, so it loads when needed and stays out of the first page's download.
const NoTeam = lazy(async () => ({ default: (await import('../features/onboarding/no-team')).NoTeam }));

/** Sends a person to their first team's board; an admin without teams to creating one; anyone else on no team to whom to ask. */
export function HomeRedirect() {
  const teams = useTeams();
  const me = useAuthStore((s) => s.me);
  if (!teams) return <p className="page-loading" role="status">Loading your teams…</p>;
  const own = me?.memberships[0]?.teamId;
  const first = own ?? teams[0]?.id;
  if (!first) {
    // The first run: the admin of an installation without teams starts by creating one.
    if (me?.user.orgRole === 'ADMIN') return <Navigate to="/welcome" replace />;
    return (
      <Suspense fallback={<p className="page-loading" role="status">Loading…</p>}>
        <NoTeam />
      </Suspense>
    );
  }
  return <Navigate to={`/teams/${first}/board`} replace />;
}
