import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { sprintDetailSchema, sprintListSchema, type SprintDetail, type SprintSummary } from '@amb/shared/sprints';
import { api } from '../../lib/api-client';
import './sprint.css';

type Loaded = { teamId: string; sprints: SprintSummary[]; active: SprintDetail | null };

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

/** The team's active sprint: goal, dates, capacity against commitment, progress, and its cards by column. */
export function SprintPage() {
  const { teamId } = useParams();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<{ teamId: string; message: string } | null>(null);

  useEffect(() => {
    if (!teamId) return;
    const controller = new AbortController();
    (async () => {
      const { sprints } = await api('GET', `/sprints?teamId=${teamId}`, { schema: sprintListSchema, signal: controller.signal });
      const current = sprints.find((s) => s.state === 'ACTIVE');
      const active = current ? await api('GET', `/sprints/${current.id}`, { schema: sprintDetailSchema, signal: controller.signal }) : null;
      setLoaded({ teamId, sprints, active });
    })().catch((e: Error) => e.name !== 'AbortError' && setError({ teamId, message: e.message }));
    return () => controller.abort();
  }, [teamId]);

  if (error && error.teamId === teamId) return <p role="alert">The sprint could not be loaded: {error.message}</p>;
  if (!loaded || loaded.teamId !== teamId) return <p className="page-loading" role="status">Loading sprint…</p>;
  const sprint = loaded.active;
  const past = loaded.sprints.filter((s) => s.state === 'CLOSED');
  if (!sprint) {
    return (
      <div className="empty-state">
        <h1>No active sprint</h1>
        <p className="muted">This team has no sprint running. {loaded.sprints.some((s) => s.state === 'PLANNED') ? 'A planned sprint is waiting to start.' : 'Teams working in flow can use the board alone.'}</p>
      </div>
    );
  }
  const progress = sprint.committedPoints ? Math.round((sprint.donePoints / sprint.committedPoints) * 100) : 0;
  const columns = [...new Set(sprint.cards.map((c) => c.columnName))];
  return (
    <section className="sprint-page" aria-labelledby="sprint-title">
      <header className="sprint-header">
        <h1 id="sprint-title">{sprint.name}</h1>
        <p className="muted">
          {day(sprint.startDate)} – {day(sprint.endDate)}
        </p>
        {sprint.goal && <p className="sprint-goal">Goal: {sprint.goal}</p>}
      </header>
      <dl className="sprint-figures">
        <div>
          <dt>Capacity</dt>
          <dd>{sprint.capacityPoints ?? '—'} pt</dd>
        </div>
        <div>
          <dt>Committed</dt>
          <dd className={sprint.capacityPoints !== null && sprint.committedPoints > sprint.capacityPoints ? 'over' : ''}>{sprint.committedPoints} pt</dd>
        </div>
        <div>
          <dt>Done</dt>
          <dd>{sprint.donePoints} pt</dd>
        </div>
        <div>
          <dt>Blocked</dt>
          <dd>{sprint.cards.filter((c) => c.blocked).length}</dd>
        </div>
      </dl>
      <div className="progress" role="progressbar" aria-label="Sprint progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress}>
        <span style={{ width: `${progress}%` }} />
      </div>
      <p className="muted">{progress}% of committed points done</p>
      {sprint.cards.length === 0 ? (
        <p className="empty-state">No cards in this sprint yet.</p>
      ) : (
        <div className="sprint-columns">
          {columns.map((name) => (
            <section key={name} aria-label={`${name} in this sprint`} className="sprint-column">
              <h2>{name}</h2>
              <ul>
                {sprint.cards
                  .filter((c) => c.columnName === name)
                  .map((c) => (
                    <li key={c.id} className={c.blocked ? 'blocked' : ''}>
                      <span>{c.title}</span>
                      <span className="muted">
                        {c.estimate ?? '?'} pt · {c.ownerNames.join(', ') || 'no owner'}
                      </span>
                      {c.blocked && <span className="obstacle-text">Blocked: {c.blockedReason}</span>}
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {past.length > 0 && (
        <section aria-labelledby="past-sprints">
          <h2 id="past-sprints">Past sprints</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th>Sprint</th>
                <th>Dates</th>
                <th>Committed</th>
                <th>Done</th>
              </tr>
            </thead>
            <tbody>
              {past.map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>
                    {day(s.startDate)} – {day(s.endDate)}
                  </td>
                  <td>{s.committedPoints} pt</td>
                  <td>{s.donePoints} pt</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
