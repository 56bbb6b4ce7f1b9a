import { lazy, Suspense } from 'react';
import { Navigate } from 'react-router';
import { useAuthStore } from './auth-store';
import { useTeams } from './teams';

// Only people on no team see it, so it loads when needed and stays out of the first page's download.
const NoTeam = lazy(async () => ({ default: (await import('../features/onboarding/no-team')).NoTeam }));

/**
 * Where signing in leads: the admin of an installation without teams to creating the first one; PMO staff and
 * admins to the portfolio dashboard; everyone else to their first team's board, or, on no team, to whom to ask.
 */
export function HomeRedirect() {
  const teams = useTeams();
  const me = useAuthStore((s) => s.me);
  if (!teams)
    return (
      <p className="page-loading" role="status">
        Loading your teams…
      </p>
    );
  const orgRole = me?.user.orgRole;
  if (orgRole === 'ADMIN' && teams.length === 0) return <Navigate to="/welcome" replace />;
  if (orgRole === 'PMO' || orgRole === 'ADMIN') return <Navigate to="/dashboard" replace />;
  const first = me?.memberships[0]?.teamId ?? teams[0]?.id;
  if (!first) {
    return (
      <Suspense
        fallback={
          <p className="page-loading" role="status">
            Loading…
          </p>
        }
      >
        <NoTeam />
      </Suspense>
    );
  }
  return <Navigate to={`/teams/${first}/board`} replace />;
}
