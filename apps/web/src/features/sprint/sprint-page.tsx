import { lazy, Suspense, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { SprintChart, SprintPlan, SprintSummary } from '@amb/shared/sprints';
import { downloadCsv } from '../../lib/csv';
import { useSprint, useSprintChart, useSprints, useStartSprint, useVelocity } from './api';
import { CloseSprintDialog } from './close-sprint-dialog';
import { period, shortDay } from './format';
import { useCanPlan } from './use-can-plan';
import './sprint.css';

const SprintCharts = lazy(() => import('./sprint-charts'));
const VelocityChart = lazy(() => import('./sprint-charts').then((m) => ({ default: m.VelocityChart })));

const stateLabel = { PLANNED: 'Planned', ACTIVE: 'Active', CLOSED: 'Closed' } as const;

/** The sprint to show: the one in the URL, else the active one, else the next planned, else the last closed. */
function pick(sprints: SprintSummary[], wanted: string | null) {
  return (
    sprints.find((s) => s.id === wanted) ??
    sprints.find((s) => s.state === 'ACTIVE') ??
    [...sprints].filter((s) => s.state === 'PLANNED').sort((a, b) => a.startDate.localeCompare(b.startDate))[0] ??
    sprints.find((s) => s.state === 'CLOSED') ??
    null
  );
}

/** A sprint: goal, dates, capacity against commitment, burndown and burnup, its report once closed, and velocity. */
export function SprintPage() {
  const { teamId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const sprints = useSprints(teamId);
  const chosen = sprints.data ? pick(sprints.data.sprints, params.get('sprint')) : null;
  const plan = useSprint(teamId, chosen?.id ?? null);
  const canPlan = useCanPlan(teamId);

  if (sprints.error) return <p role="alert">The sprints could not be loaded: {sprints.error.message}</p>;
  if (!sprints.data)
    return (
      <p className="page-loading" role="status">
        Loading sprint…
      </p>
    );
  if (!chosen) {
    return (
      <div className="empty-state">
        <h1>No sprints yet</h1>
        <p className="muted">This team has not planned a sprint. Teams working in flow can use the board alone.</p>
        {canPlan && (
          <Link className="button primary" to={`/teams/${teamId}/planning`}>
            Plan a sprint
          </Link>
        )}
      </div>
    );
  }
  const sorted = [...sprints.data.sprints].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return (
    <section className="sprint-page" aria-labelledby="sprint-title">
      <div className="sprint-toolbar">
        <label>
          <span className="visually-hidden">Sprint</span>
          <select
            aria-label="Sprint"
            value={chosen.id}
            onChange={(e) => setParams({ sprint: e.target.value }, { replace: true })}
          >
            {sorted.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({stateLabel[s.state].toLowerCase()})
              </option>
            ))}
          </select>
        </label>
        {canPlan && (
          <Link to={`/teams/${teamId}/planning${chosen.state === 'CLOSED' ? '' : `?sprint=${chosen.id}`}`}>
            Backlog and planning
          </Link>
        )}
      </div>
      {plan.error && <p role="alert">This sprint could not be loaded: {plan.error.message}</p>}
      {!plan.data ? (
        <p className="page-loading" role="status">
          Loading sprint…
        </p>
      ) : (
        <SprintView
          sprint={plan.data}
          planned={sorted.filter((s) => s.state === 'PLANNED' && s.id !== plan.data.id).reverse()}
          canPlan={canPlan}
        />
      )}
    </section>
  );
}

function SprintView({ sprint, planned, canPlan }: { sprint: SprintPlan; planned: SprintSummary[]; canPlan: boolean }) {
  const [closing, setClosing] = useState(false);
  const start = useStartSprint(sprint.teamId);
  const chart = useSprintChart(sprint.teamId, sprint.id);
  const velocity = useVelocity(sprint.teamId);
  const over = sprint.capacityPoints !== null && sprint.committedPoints > sprint.capacityPoints;
  const progress = sprint.committedPoints ? Math.round((sprint.donePoints / sprint.committedPoints) * 100) : 0;
  const columns = [...new Set(sprint.cards.map((c) => c.columnName))];
  return (
    <>
      <header className="sprint-header">
        <h1 id="sprint-title">
          {sprint.name} <span className={`state-badge ${sprint.state.toLowerCase()}`}>{stateLabel[sprint.state]}</span>
        </h1>
        <p className="muted">
          {period(sprint.startDate, sprint.endDate)} · {sprint.workingDays} working days
        </p>
        {sprint.goal && <p className="sprint-goal">Goal: {sprint.goal}</p>}
        {sprint.state !== 'PLANNED' && (
          <Link to={`/teams/${sprint.teamId}/sprints/${sprint.id}/retrospective`}>
            {sprint.state === 'CLOSED' ? 'Read the retrospective' : 'Retrospective'}
          </Link>
        )}
        {canPlan && (
          <div className="sprint-actions">
            {sprint.state === 'PLANNED' && (
              <button
                type="button"
                className="primary"
                disabled={start.isPending}
                onClick={() => start.mutate(sprint.id)}
              >
                Start sprint
              </button>
            )}
            {sprint.state === 'ACTIVE' && (
              <button type="button" className="primary" onClick={() => setClosing(true)}>
                Close sprint…
              </button>
            )}
            {start.error && (
              <p role="alert" className="form-error">
                {start.error.message}
              </p>
            )}
          </div>
        )}
      </header>
      <dl className="sprint-figures">
        <div>
          <dt>Capacity</dt>
          <dd>{sprint.capacityPoints ?? '—'} pt</dd>
        </div>
        {sprint.startCommittedPoints !== null && (
          <div>
            <dt>Committed at start</dt>
            <dd>{sprint.startCommittedPoints} pt</dd>
          </div>
        )}
        <div>
          <dt>{sprint.state === 'PLANNED' ? 'Planned' : 'In the sprint'}</dt>
          <dd className={over ? 'over' : ''}>
            {sprint.committedPoints} pt
            {over && (
              <span className="over-text"> · {sprint.committedPoints - sprint.capacityPoints!} over capacity</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Done</dt>
          <dd>{sprint.completedPoints ?? sprint.donePoints} pt</dd>
        </div>
        <div>
          <dt>Blocked</dt>
          <dd>{sprint.cards.filter((c) => c.blocked).length}</dd>
        </div>
      </dl>
      {sprint.state === 'ACTIVE' && (
        <>
          <div
            className="progress"
            role="progressbar"
            aria-label="Sprint progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress}
          >
            <span style={{ width: `${progress}%` }} />
          </div>
          <p className="muted">{progress}% of the points in the sprint done</p>
        </>
      )}
      {sprint.state === 'CLOSED' && <SprintReport sprint={sprint} />}
      {chart.error && <p role="alert">The charts could not be loaded: {chart.error.message}</p>}
      {chart.data && (
        <Suspense fallback={<p role="status">Loading charts…</p>}>
          <SprintCharts chart={chart.data} />
          <ScopeChanges chart={chart.data} />
        </Suspense>
      )}
      {sprint.cards.length === 0 ? (
        <p className="empty-state">
          No cards in this sprint{sprint.state === 'CLOSED' ? '.' : ' yet. Add them from the backlog.'}
        </p>
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
      {velocity.data && (
        <Suspense fallback={<p role="status">Loading velocity…</p>}>
          <VelocityChart velocity={velocity.data} />
        </Suspense>
      )}
      {closing && <CloseSprintDialog sprint={sprint} planned={planned} onClose={() => setClosing(false)} />}
    </>
  );
}

function SprintReport({ sprint }: { sprint: SprintPlan }) {
  const report = sprint.report;
  if (!report) return null;
  const list = (title: string, cards: typeof report.done, empty: string) => (
    <section className="report-list" aria-label={title}>
      <h3>
        {title} ({cards.reduce((s, c) => s + c.points, 0)} pt)
      </h3>
      {cards.length ? (
        <ul>
          {cards.map((c) => (
            <li key={c.id}>
              {c.title} <span className="muted">{c.points} pt</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </section>
  );
  return (
    <section className="sprint-report" aria-labelledby="report-title">
      <h2 id="report-title">Sprint report</h2>
      <p>
        Closed {sprint.closedAt ? shortDay(sprint.closedAt) : ''}. Goal met:{' '}
        <strong>{sprint.goalMet ? 'yes' : 'no'}</strong>. {sprint.completedPoints ?? 0} of{' '}
        {sprint.startCommittedPoints ?? 0} committed points completed.
      </p>
      <div className="report-lists">
        {list('Done', report.done, 'Nothing was finished.')}
        {list('Carried over', report.carriedOver, 'Nothing was carried over.')}
        {list('Returned to the backlog', report.returnedToBacklog, 'Nothing went back to the backlog.')}
      </div>
      <p>
        <Link to={`/teams/${sprint.teamId}/sprints/${sprint.id}/retrospective`}>
          The sprint’s retrospective: notes, votes and actions
        </Link>
      </p>
    </section>
  );
}

function ScopeChanges({ chart }: { chart: SprintChart }) {
  if (chart.state === 'PLANNED') return null;
  const rows = chart.scopeChanges.map(
    (c) => [shortDay(c.at), c.change === 'added' ? 'Added' : 'Removed', c.title, c.points] as (string | number)[],
  );
  return (
    <section className="scope-changes" aria-labelledby="scope-title">
      <div className="chart-head">
        <h2 id="scope-title">Scope changed after the start</h2>
        {rows.length > 0 && (
          <button
            type="button"
            onClick={() => downloadCsv(`scope-changes-${chart.name}.csv`, ['Day', 'Change', 'Card', 'Points'], rows)}
          >
            Download CSV<span className="visually-hidden">: scope changes</span>
          </button>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="muted">No card was added or removed after the sprint started.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Change</th>
              <th scope="col">Card</th>
              <th scope="col" className="number">
                Points
              </th>
            </tr>
          </thead>
          <tbody>
            {chart.scopeChanges.map((c) => (
              <tr key={`${c.cardId}:${c.at}`}>
                <td>{shortDay(c.at)}</td>
                <td>{c.change === 'added' ? '+ Added' : '− Removed'}</td>
                <th scope="row">{c.title}</th>
                <td className="number">{c.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
