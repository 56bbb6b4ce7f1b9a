import { lazy, Suspense, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PortfolioTeam } from '@amb/shared/portfolio';
import { tableOf, type CsvColumn } from '../../lib/csv';
import { downloadTable } from '../../lib/xlsx';
import { usePortfolioOverview, useCumulativeFlow } from './api';
import { periodSearch, readPeriod, teamsSearch, withParams } from '../../lib/period-filters';
import { PeriodControls } from '../../components/period-controls';
import { LeftOutTeams, TeamChoice, useTeamChoice } from '../../components/team-choice';
import './dashboard.css';

const CumulativeFlowSection = lazy(() => import('./cumulative-flow-section'));

type SortKey =
  | 'name'
  | 'wip'
  | 'breaches'
  | 'hoursOver'
  | 'blocked'
  | 'oldest'
  | 'throughput'
  | 'cycle50'
  | 'cycle85'
  | 'lead50'
  | 'sprint'
  | 'principles';

interface Column {
  key: SortKey;
  header: string;
  numeric: boolean;
  sortValue: (t: PortfolioTeam) => number | string | null;
  csv: CsvColumn<PortfolioTeam>['value'];
}

const pct = (n: number | null) => (n === null ? null : Math.round(n * 100));
const columns: Column[] = [
  { key: 'name', header: 'Team', numeric: false, sortValue: (t) => t.name.toLowerCase(), csv: (t) => t.name },
  {
    key: 'wip',
    header: 'WIP now / limit',
    numeric: true,
    sortValue: (t) => (t.wip.limit ? t.wip.count / t.wip.limit : t.wip.count),
    csv: (t) => `${t.wip.count}${t.wip.limit === null ? '' : ` / ${t.wip.limit}`}`,
  },
  {
    key: 'breaches',
    header: 'WIP-limit breaches',
    numeric: true,
    sortValue: (t) => t.breaches.count,
    csv: (t) => t.breaches.count,
  },
  {
    key: 'hoursOver',
    header: 'Hours over limit',
    numeric: true,
    sortValue: (t) => t.breaches.hoursOver,
    csv: (t) => t.breaches.hoursOver,
  },
  {
    key: 'blocked',
    header: 'Blocked cards',
    numeric: true,
    sortValue: (t) => t.blocked.count,
    csv: (t) => t.blocked.count,
  },
  {
    key: 'oldest',
    header: 'Oldest obstacle (days)',
    numeric: true,
    sortValue: (t) => t.blocked.oldestDays,
    csv: (t) => t.blocked.oldestDays,
  },
  {
    key: 'throughput',
    header: 'Throughput (cards/week)',
    numeric: true,
    sortValue: (t) => t.throughputPerWeek,
    csv: (t) => t.throughputPerWeek,
  },
  {
    key: 'cycle50',
    header: 'Cycle time p50 (days)',
    numeric: true,
    sortValue: (t) => t.cycleTime.p50,
    csv: (t) => t.cycleTime.p50,
  },
  {
    key: 'cycle85',
    header: 'Cycle time p85 (days)',
    numeric: true,
    sortValue: (t) => t.cycleTime.p85,
    csv: (t) => t.cycleTime.p85,
  },
  {
    key: 'lead50',
    header: 'Lead time p50 (days)',
    numeric: true,
    sortValue: (t) => t.leadTime.p50,
    csv: (t) => t.leadTime.p50,
  },
  {
    key: 'sprint',
    header: 'Sprint: done / time gone',
    numeric: true,
    sortValue: (t) => (t.sprint ? (t.sprint.done ?? 0) - t.sprint.elapsed : null),
    csv: (t) =>
      t.sprint
        ? `${t.sprint.donePoints}/${t.sprint.committedPoints} pt; ${pct(t.sprint.elapsed)}% of time${t.sprint.capacityPoints === null ? '' : `; capacity ${t.sprint.capacityPoints} pt`}`
        : '',
  },
  {
    key: 'principles',
    header: 'Principle coverage (%)',
    numeric: true,
    sortValue: (t) => t.principleCoverage,
    csv: (t) => pct(t.principleCoverage),
  },
];

function sortTeams(teams: PortfolioTeam[], key: SortKey, dir: 'asc' | 'desc') {
  const column = columns.find((c) => c.key === key) ?? columns[0]!;
  const sign = dir === 'asc' ? 1 : -1;
  return [...teams].sort((a, b) => {
    const x = column.sortValue(a);
    const y = column.sortValue(b);
    if (x === y) return a.name.localeCompare(b.name);
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * sign;
  });
}

/** The PMO's portfolio: one row per team for a period, sortable and filterable, with the organisation's flow. */
export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const period = readPeriod(params);
  const choice = useTeamChoice();
  const teamFilter = choice.chosen;
  const sort = (params.get('sort') as SortKey | null) ?? 'name';
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const overview = usePortfolioOverview(period, teamFilter);
  const flow = useCumulativeFlow(period, teamFilter.length === 1 ? teamFilter[0] : undefined);
  const teams = useMemo(
    () => (overview.data ? sortTeams(overview.data.teams, sort, dir) : []),
    [overview.data, sort, dir],
  );
  const setSort = (key: SortKey) =>
    setParams(withParams(params, { sort: key, dir: key === sort && dir === 'asc' ? 'desc' : 'asc' }), {
      replace: true,
    });
  const search = periodSearch(period);

  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <header className="dashboard-header">
        <h1 id="dashboard-title">Portfolio</h1>
        <nav className="drill" aria-label="Across teams">
          <Link to={`/pmo/obstacles?${periodSearch(period, teamFilter)}`}>Obstacles</Link>
          <Link to="/pmo/dependencies">Dependencies</Link>
          <Link to={`/pmo/principles${teamsSearch(teamFilter)}`}>Principles</Link>
          <Link to="/dashboard/stages">Stages</Link>
        </nav>
        <PeriodControls period={period} />
      </header>
      <div className="dashboard-tools">
        <TeamChoice teams={choice.teams} chosen={choice.chosen} onChange={choice.choose} />
        {(['csv', 'xlsx'] as const).map((as) => (
          <button
            key={as}
            type="button"
            disabled={!teams.length}
            onClick={() =>
              downloadTable(
                as,
                `portfolio-${period.from}-${period.to}`,
                ...tableOf(
                  teams,
                  columns.map((c) => ({ header: c.header, value: c.csv })),
                ),
              )
            }
          >
            Export {as === 'csv' ? 'CSV' : 'Excel'}
            <span className="visually-hidden"> of the portfolio table</span>
          </button>
        ))}
        {overview.isFetching && overview.data && (
          <span className="muted" role="status">
            Updating…
          </span>
        )}
      </div>
      <LeftOutTeams choice={choice} />
      {overview.error ? (
        <p role="alert" className="form-error">
          The portfolio could not be loaded: {overview.error.message}
        </p>
      ) : !overview.data ? (
        <p className="page-loading" role="status">
          Loading the portfolio…
        </p>
      ) : !teams.length ? (
        <p className="empty-state">You are not on any team yet. An admin can add you to one.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table portfolio-table">
            <caption>
              Teams from {period.from} to {period.to}; WIP and obstacles as of now
            </caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={sort === c.key ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                    className={c.numeric ? 'num' : ''}
                  >
                    <button type="button" className="sort-button" onClick={() => setSort(c.key)}>
                      {c.header}
                      <span aria-hidden="true">{sort === c.key ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  </th>
                ))}
                <th scope="col">Open</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((t) => (
                <TeamRow key={t.id} team={t} search={search} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Suspense
        fallback={
          <p className="page-loading" role="status">
            Loading the chart…
          </p>
        }
      >
        {flow.data && (
          <CumulativeFlowSection
            flow={flow.data}
            scope={
              teamFilter.length === 1
                ? (teams[0]?.name ?? 'one team')
                : teamFilter.length
                  ? 'the chosen teams'
                  : 'the organisation'
            }
          />
        )}
      </Suspense>
      {flow.error && (
        <p role="alert" className="form-error">
          Cumulative flow could not be loaded: {flow.error.message}
        </p>
      )}
    </section>
  );
}

function TeamRow({ team: t, search }: { team: PortfolioTeam; search: string }) {
  const overWip = t.wip.limit !== null && t.wip.count > t.wip.limit;
  const sprint = t.sprint;
  const behind = sprint && sprint.done !== null && sprint.done + 0.15 < sprint.elapsed;
  return (
    <tr>
      <th scope="row">
        <Link to={`/dashboard/teams/${t.id}?${search}`}>{t.name}</Link>
        <small className="muted"> {t.kind === 'DEVELOPMENT' ? 'Development' : 'Marketing'}</small>
      </th>
      <td className={`num ${overWip || t.wip.overLimitColumns.length ? 'state-over' : ''}`}>
        {t.wip.count}
        {t.wip.limit !== null && ` / ${t.wip.limit}`}
        {t.wip.overLimitColumns.length > 0 && <small> over in {t.wip.overLimitColumns.join(', ')}</small>}
      </td>
      <td className="num">{t.breaches.count}</td>
      <td className="num">{t.breaches.hoursOver}</td>
      <td className={`num ${t.blocked.count ? 'state-blocked' : ''}`}>
        {t.blocked.count > 0 ? (
          <span>
            <svg className="blocked-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
              <circle cx="8" cy="8" r="7" fill="currentColor" />
              <rect x="4" y="7" width="8" height="2" fill="var(--on-solid)" />
            </svg>{' '}
            {t.blocked.count}
          </span>
        ) : (
          0
        )}
      </td>
      <td className="num">{t.blocked.oldestDays ?? '—'}</td>
      <td className="num">{t.throughputPerWeek}</td>
      <td className="num">{t.cycleTime.p50 ?? '—'}</td>
      <td className="num">{t.cycleTime.p85 ?? '—'}</td>
      <td className="num">{t.leadTime.p50 ?? '—'}</td>
      <td className={`num ${sprint?.overCommitted || behind ? 'state-over' : ''}`}>
        {sprint ? (
          <>
            {sprint.donePoints}/{sprint.committedPoints} pt · {pct(sprint.elapsed)}% of time
            {sprint.capacityPoints !== null && <small> · capacity {sprint.capacityPoints} pt</small>}
            {sprint.overCommitted && <small> · over-committed</small>}
            {behind && !sprint.overCommitted && <small> · behind</small>}
          </>
        ) : (
          <span className="muted">no sprint</span>
        )}
      </td>
      <td className="num">{t.principleCoverage === null ? '—' : `${pct(t.principleCoverage)}%`}</td>
      <td className="drill">
        {t.boardId && <Link to={`/teams/${t.id}/board`}>Board</Link>}
        <Link to={`/teams/${t.id}/sprint`}>Sprint</Link>
        <Link to={`/teams/${t.id}/calendar`}>Calendar</Link>
        <Link to={`/pmo/obstacles?${search}&teams=${t.id}`}>Obstacles</Link>
      </td>
    </tr>
  );
}
