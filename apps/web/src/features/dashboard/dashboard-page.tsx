import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { dashboardSchema, type TeamOverview } from '@amb/shared/dashboard';
import { api } from '../../lib/api-client';
import './dashboard.css';

/** Every team at once: work in progress against limits, breaches, obstacles and their age, sprint progress. */
export function DashboardPage() {
  const [teams, setTeams] = useState<TeamOverview[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api('GET', '/dashboard/teams', { schema: dashboardSchema, signal: controller.signal })
      .then((r) => setTeams(r.teams))
      .catch((e: Error) => e.name !== 'AbortError' && setError(e.message));
    return () => controller.abort();
  }, []);

  if (error) return <p role="alert">The dashboard could not be loaded: {error}</p>;
  if (!teams) return <p className="page-loading" role="status">Loading dashboard…</p>;
  if (!teams.length) return <p className="empty-state">You are not on any team yet. An admin can add you to one.</p>;
  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Dashboard</h1>
      <div className="dashboard-teams">
        {teams.map((team) => {
          const wip = team.columns.filter((c) => c.flowCategory === 'TODO' || c.flowCategory === 'IN_PROGRESS').reduce((n, c) => n + c.count, 0);
          const breached = team.columns.filter((c) => c.overLimit);
          return (
            <section key={team.id} className="team-tile" aria-label={team.name}>
              <header>
                <h2>
                  <Link to={`/teams/${team.id}/board`}>{team.name}</Link>
                </h2>
                <span className="muted">{team.kind === 'DEVELOPMENT' ? 'Development' : 'Marketing'}</span>
              </header>
              <dl className="tile-figures">
                <div>
                  <dt>Work in progress</dt>
                  <dd>{wip}</dd>
                </div>
                <div>
                  <dt>Over limit</dt>
                  <dd className={breached.length ? 'bad' : ''}>{breached.length ? breached.map((c) => c.name).join(', ') : 'none'}</dd>
                </div>
                <div>
                  <dt>Blocked</dt>
                  <dd className={team.blockedCount ? 'bad' : ''}>
                    {team.blockedCount}
                    {team.oldestObstacleDays !== null && <small> (oldest {team.oldestObstacleDays} days)</small>}
                  </dd>
                </div>
                <div>
                  <dt>Sprint</dt>
                  <dd>{team.activeSprint ? `${team.activeSprint.name}: ${team.activeSprint.donePoints} / ${team.activeSprint.committedPoints} pt` : 'none running'}</dd>
                </div>
              </dl>
              <table className="data-table">
                <caption className="visually-hidden">WIP against limits in {team.name}</caption>
                <thead>
                  <tr>
                    <th>Column</th>
                    <th>Cards</th>
                    <th>WIP limit</th>
                  </tr>
                </thead>
                <tbody>
                  {team.columns.map((c) => (
                    <tr key={c.id} className={c.overLimit ? 'over' : ''}>
                      <td>{c.name}</td>
                      <td>{c.count}</td>
                      <td>{c.wipLimit === null ? '—' : `${c.wipLimit} ${c.wipPolicy === 'HARD' ? '(hard)' : '(soft)'}${c.overLimit ? ' · over' : ''}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
      </div>
    </section>
  );
}
