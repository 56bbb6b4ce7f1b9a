import { useId, useState, type ChangeEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { blockerCategories, type BlockerCategory } from '@amb/shared/obstacles';
import { obstacleSortKeys, type Obstacle, type ObstacleSortKey } from '@amb/shared/obstacle-reports';
import { PeriodControls } from '../../components/period-controls';
import { QueryState } from '../../components/query-state';
import { LeftOutTeams, TeamChoice, useTeamChoice } from '../../components/team-choice';
import { tableOf, type CsvColumn } from '../../lib/csv';
import { downloadTable, type TableFormat } from '../../lib/xlsx';
import { periodSearch, readPeriod, withParams } from '../../lib/period-filters';
import { fetchAllObstacles, useObstacles, type ObstacleFilters } from './api';
import { BlockedTimeSection } from './blocked-time-section';
import { categoryName, inChosenTeams } from './categories';
import { TimeToClearSection } from './time-to-clear-section';
import './obstacles.css';

const stateWords = {
  escalated: 'Waiting for the PMO',
  handling: 'Being handled',
  cleared: 'Cleared by the PMO',
} as const;
const pmoWords = (o: Obstacle) =>
  o.pmo
    ? `${stateWords[o.pmo.state]}${o.pmo.handler && o.pmo.state !== 'escalated' ? ` (${o.pmo.handler.name})` : ''}`
    : '';

const columns: { key: ObstacleSortKey; header: string; numeric?: boolean }[] = [
  { key: 'team', header: 'Team' },
  { key: 'title', header: 'Card' },
  { key: 'owner', header: 'Owners' },
  { key: 'category', header: 'Category' },
  { key: 'age', header: 'Age (days)', numeric: true },
  { key: 'escalated', header: 'Escalated' },
  { key: 'state', header: 'PMO handling' },
];

const csvColumns: CsvColumn<Obstacle>[] = [
  { header: 'Team', value: (o) => o.teamName },
  { header: 'Card', value: (o) => o.title },
  { header: 'Owners', value: (o) => o.owners.map((p) => p.name).join('; ') },
  { header: 'Category', value: (o) => categoryName(o.category) },
  { header: 'Reason', value: (o) => o.reason },
  { header: 'Blocked since', value: (o) => o.blockedSince },
  { header: 'Age (days)', value: (o) => o.ageDays },
  { header: 'Escalated', value: (o) => (o.escalatedAt ? 'yes' : 'no') },
  { header: 'PMO handling', value: pmoWords },
  { header: 'PMO note', value: (o) => o.pmo?.note ?? '' },
];

function readFilters(params: URLSearchParams, teams: string[]): ObstacleFilters {
  const sort = params.get('sort') as ObstacleSortKey | null;
  const dir = params.get('dir');
  const escalated = params.get('escalated');
  return {
    teams,
    category: params.get('category') ?? undefined,
    escalated: escalated === 'yes' || escalated === 'no' ? escalated : undefined,
    owner: params.get('owner') ?? undefined,
    sort: sort && obstacleSortKeys.includes(sort) ? sort : 'age',
    dir: dir === 'asc' || dir === 'desc' ? dir : undefined,
  };
}

/** Which way a column sorts now: each key has its own first direction (age: oldest first). */
const currentDir = (f: ObstacleFilters) =>
  f.dir ?? (f.sort === 'age' || f.sort === 'escalated' || f.sort === 'state' ? 'desc' : 'asc');

/**
 * The PMO's obstacles: every blocked card across the teams the person may read, oldest first, with filters in the
 * URL, then blocked time per category and team and the weekly time to clear over the chosen period.
 */
export function ObstaclesPage() {
  const [params, setParams] = useSearchParams();
  const choice = useTeamChoice();
  const filters = readFilters(params, choice.chosen);
  const period = readPeriod(params);
  const obstacles = useObstacles(filters);
  const [exporting, setExporting] = useState<string | null>(null);
  const set = (changes: Record<string, string | null>) => setParams(withParams(params, changes), { replace: true });
  const dir = currentDir(filters);
  const setSort = (key: ObstacleSortKey) =>
    set({ sort: key, dir: key === filters.sort ? (dir === 'asc' ? 'desc' : 'asc') : null });

  const exportTable = async (as: TableFormat) => {
    const kind = as === 'csv' ? 'CSV' : 'Excel workbook';
    setExporting(`Preparing the ${kind}…`);
    try {
      const all = await fetchAllObstacles(filters);
      await downloadTable(
        as,
        `obstacles-${new Date().toISOString().slice(0, 10)}`,
        ...tableOf(all.obstacles, csvColumns),
      );
      setExporting(
        all.total > all.obstacles.length
          ? `Exported the first ${all.obstacles.length.toLocaleString()} of ${all.total.toLocaleString()} obstacles; narrow the filters for the rest.`
          : null,
      );
    } catch (e) {
      setExporting(`The ${kind} could not be made: ${(e as Error).message}`);
    }
  };

  return (
    <section className="obstacles-page" aria-labelledby="obstacles-title">
      <p className="breadcrumbs">
        <Link to={`/dashboard?${periodSearch(period, filters.teams)}`}>Portfolio</Link> / Obstacles
      </p>
      <header className="obstacles-header">
        <h1 id="obstacles-title">Obstacles across teams</h1>
      </header>

      <section aria-labelledby="obstacle-list-title" className="obstacle-list">
        <h2 id="obstacle-list-title" className="visually-hidden">
          Blocked cards now
        </h2>
        <div className="obstacle-filters" role="group" aria-label="Filter the obstacles">
          <TeamChoice teams={choice.teams} chosen={choice.chosen} onChange={choice.choose} />
          <FilterSelect
            label="Category"
            value={filters.category ?? ''}
            onChange={(e) => set({ category: e.target.value || null })}
          >
            <option value="">Any category</option>
            {blockerCategories.map((c) => (
              <option key={c} value={c}>
                {categoryName(c)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            label="Escalated"
            value={filters.escalated ?? ''}
            onChange={(e) => set({ escalated: e.target.value || null })}
          >
            <option value="">Escalated or not</option>
            <option value="yes">Escalated to the PMO</option>
            <option value="no">Not escalated</option>
          </FilterSelect>
          <FilterSelect
            label="Owner"
            value={filters.owner ?? ''}
            onChange={(e) => set({ owner: e.target.value || null })}
          >
            <option value="">Anyone</option>
            {obstacles.data?.owners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </FilterSelect>
          <button type="button" onClick={() => void exportTable('csv')} disabled={!obstacles.data?.total}>
            Export CSV<span className="visually-hidden"> of the obstacles</span>
          </button>
          <button type="button" onClick={() => void exportTable('xlsx')} disabled={!obstacles.data?.total}>
            Export Excel<span className="visually-hidden"> of the obstacles</span>
          </button>
          {obstacles.isFetching && obstacles.data && (
            <span className="muted" role="status">
              Updating…
            </span>
          )}
          {exporting && (
            <span className="muted" role="status">
              {exporting}
            </span>
          )}
        </div>
        <LeftOutTeams choice={choice} />
        <QueryState
          query={obstacles}
          loading="Loading the obstacles…"
          failed="The obstacles could not be loaded"
          isEmpty={(d) => d.total === 0}
          empty={<NoObstacles filters={filters} onClear={set} />}
        >
          {(data) => (
            <div className="table-scroll">
              <table className="data-table obstacle-table">
                <caption>
                  {data.total === data.obstacles.length
                    ? `${data.total} blocked ${data.total === 1 ? 'card' : 'cards'} now`
                    : `The first ${data.obstacles.length} of ${data.total} blocked cards now; narrow the filters or export them all`}
                </caption>
                <thead>
                  <tr>
                    {columns.map((c) => (
                      <th
                        key={c.key}
                        scope="col"
                        className={c.numeric ? 'num' : ''}
                        aria-sort={filters.sort === c.key ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                      >
                        <button type="button" className="sort-button" onClick={() => setSort(c.key)}>
                          {c.header}
                          <span aria-hidden="true">{filters.sort === c.key ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                        </button>
                      </th>
                    ))}
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {data.obstacles.map((o) => (
                    <ObstacleRow key={o.cardId} obstacle={o} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryState>
      </section>

      <header className="obstacles-header obstacles-period">
        <h2>What obstacles cost over time</h2>
        <PeriodControls period={period} />
      </header>
      <BlockedTimeSection period={period} teams={filters.teams} />
      <TimeToClearSection
        period={period}
        teams={filters.teams}
        by={params.get('clearBy') === 'team' ? 'team' : 'category'}
        onBy={(by) => set({ clearBy: by === 'team' ? 'team' : null })}
      />
    </section>
  );
}

/** Why the list is empty, with a way out when the filters are what empties it. */
function NoObstacles({
  filters,
  onClear,
}: {
  filters: ObstacleFilters;
  onClear: (changes: Record<string, null>) => void;
}) {
  const others = Boolean(filters.category || filters.escalated || filters.owner);
  const chosen = filters.teams.length;
  if (!chosen && !others) return <p>No blocked card: nothing stands in any team’s way right now.</p>;
  return (
    <div className="obstacles-empty">
      <p>
        No blocked card{inChosenTeams(filters.teams)}
        {others ? (chosen ? ' matches the other filters' : ' matches these filters') : ''}.
      </p>
      {chosen > 0 && (
        <button type="button" onClick={() => onClear({ teams: null })}>
          Clear the team choice
        </button>
      )}
      {others && (
        <button type="button" onClick={() => onClear({ teams: null, category: null, escalated: null, owner: null })}>
          Clear all filters
        </button>
      )}
    </div>
  );
}

/** A filter's select with its label beside it (not around it, so its name is the label alone). */
function FilterSelect({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (e: ChangeEvent<HTMLSelectElement>) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="obstacle-filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={onChange}>
        {children}
      </select>
    </div>
  );
}

function ObstacleRow({ obstacle: o }: { obstacle: Obstacle }) {
  return (
    <tr>
      <td>{o.teamName}</td>
      <th scope="row">
        <Link to={`/teams/${o.teamId}/board/cards/${o.cardId}`}>{o.title}</Link>
      </th>
      <td>{o.owners.length ? o.owners.map((p) => p.name).join(', ') : <span className="muted">nobody</span>}</td>
      <td>
        <span className="category-tag" data-category={o.category ?? 'none'}>
          {categoryName(o.category as BlockerCategory | null)}
        </span>
      </td>
      <td className="num">{o.ageDays}</td>
      <td>
        {o.escalatedAt ? (
          <span className="escalated-tag">
            <span aria-hidden="true">⚑ </span>Escalated
          </span>
        ) : (
          <span className="muted">No</span>
        )}
      </td>
      <td>
        {o.pmo ? (
          <span className={`pmo-tag pmo-tag-${o.pmo.state}`}>{pmoWords(o)}</span>
        ) : (
          <span className="muted">—</span>
        )}
        {o.pmo?.note && <small className="pmo-list-note">{o.pmo.note}</small>}
      </td>
      <td className="reason">{o.reason ?? <span className="muted">no reason given</span>}</td>
    </tr>
  );
}
