import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, NavLink, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { useAuthStore } from './auth-store';
import { useDismiss } from '../lib/use-dismiss';
import { teamsQuery, useTeams } from './teams';

// The bell reads its answers through the shared schemas (zod), which stay out of the first page's download.
const NotificationBell = lazy(() =>
  import('../features/notifications/notification-bell').then((m) => ({ default: m.NotificationBell })),
);

/**
 * The signed-in frame: product name, team switcher, navigation and the person's menu. On a phone the navigation
 * and the person's menu fold behind one Menu button, so the bar stays one short row and nothing scrolls sideways.
 */
export function Layout() {
  const me = useAuthStore((s) => s.me);
  const signOut = useAuthStore((s) => s.signOut);
  const teams = useTeams();
  const { teamId } = useParams();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const header = useRef<HTMLElement>(null);
  // Going to another page, pressing Escape or tapping outside the bar folds the phone menu again.
  const [menuPath, setMenuPath] = useState(pathname);
  if (menuPath !== pathname) {
    setMenuPath(pathname);
    setMenuOpen(false);
  }
  useDismiss(menuOpen, header, () => setMenuOpen(false));

  // On a page of no team (account, admin, the first-run steps), a person with one team still sees it named.
  const current = teamId ? (teams?.find((t) => t.id === teamId) ?? null) : teams?.length === 1 ? teams[0]! : null;
  // A team created or joined since the list was read: read it again.
  const queryClient = useQueryClient();
  useEffect(() => {
    if (teamId && teams && !current) void queryClient.invalidateQueries({ queryKey: teamsQuery.queryKey });
  }, [teamId, teams, current, queryClient]);

  return (
    <div className="shell">
      <header ref={header} className={menuOpen ? 'topbar menu-open' : 'topbar'}>
        <a className="brand" href="/">
          <img src="/favicon.svg" alt="" width={24} height={24} /> <span>Agile Marketing Board</span>
        </a>
        <label className="team-switcher">
          <span className="visually-hidden">Team</span>
          <select
            aria-label="Team"
            value={current?.id ?? ''}
            onChange={(e) => navigate(`/teams/${e.target.value}/board`)}
            disabled={!teams || teams.length === 0}
          >
            {!current && <option value="">Choose a team</option>}
            {teams?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="top-menu"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          <span aria-hidden="true">☰</span> Menu
        </button>
        <div className="top-menu" id="top-menu">
          <nav aria-label="Main" className="main-nav">
            {current && (
              <>
                <NavLink to={`/teams/${current.id}/board`}>Board</NavLink>
                <NavLink to={`/teams/${current.id}/planning`}>Backlog</NavLink>
                <NavLink to={`/teams/${current.id}/sprint`}>Sprint</NavLink>
                <NavLink to={`/teams/${current.id}/standup`}>Stand-up</NavLink>
                <NavLink to={`/teams/${current.id}/calendar`}>Calendar</NavLink>
                {current.myRole === 'SCRUM_MASTER' && me?.user.orgRole !== 'ADMIN' && (
                  <NavLink to={`/teams/${current.id}/members`}>Members</NavLink>
                )}
              </>
            )}
            <NavLink to="/calendar">My calendar</NavLink>
            <NavLink to="/dashboard">Dashboard</NavLink>
            <NavLink to="/campaigns">Campaigns</NavLink>
            {me?.user.orgRole === 'ADMIN' && <NavLink to="/admin">Admin</NavLink>}
          </nav>
          <div className="user-menu">
            <Link className="user-name" to="/account" title={`${me?.user.email ?? ''}: your account`}>
              {me?.user.name}
            </Link>
            <button type="button" onClick={() => void signOut().then(() => navigate('/sign-in'))}>
              Sign out
            </button>
          </div>
        </div>
        <Suspense fallback={null}>
          <NotificationBell />
        </Suspense>
      </header>
      <main className="content" id="main">
        <Outlet />
      </main>
    </div>
  );
}
