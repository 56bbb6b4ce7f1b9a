import { Link, useSearchParams } from 'react-router';
import type { Dependency } from '@amb/shared/dependencies';
import { QueryState } from '../../components/query-state';
import { tableOf, type CsvColumn } from '../../lib/csv';
import { downloadTable } from '../../lib/xlsx';
import { useDependencies, useDependencyGraph } from './api';
import { browserTimeZone, withParams } from '../../lib/period-filters';
import './pmo-insights.css';
import { ScrollBox } from '../../components/scroll-box';

const deadlineSource = (d: Dependency) => {
  if (d.deadline === null) return 'no due date or sprint';
  return d.waiting.dueDate === d.deadline ? 'due date' : `end of ${d.waiting.sprint?.name ?? 'sprint'}`;
};
const daysLeft = (d: Dependency) =>
  d.workingDaysLeft === null
    ? ''
    : d.workingDaysLeft < 0
      ? `${-d.workingDaysLeft} working days late`
      : d.workingDaysLeft === 0
        ? 'today'
        : `${d.workingDaysLeft} working days`;

type SortKey = 'status' | 'waiting' | 'on' | 'deadline';
const sortValue: Record<SortKey, (d: Dependency) => string> = {
  // The server's order: at risk first, then by deadline (none last).
  status: (d) => `${d.atRisk ? 0 : 1}${d.deadline ?? '9999'}`,
  waiting: (d) => `${d.waiting.teamName}\u0000${d.waiting.title}`.toLowerCase(),
  on: (d) => `${d.on.teamName}\u0000${d.on.title}`.toLowerCase(),
  deadline: (d) => d.deadline ?? '9999',
};
const headers: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'status', label: 'Status' },
  { key: 'waiting', label: 'Waiting card' },
  { key: 'on', label: 'Waits on' },
  { key: 'deadline', label: 'Deadline' },
];

function sorted(rows: Dependency[], key: SortKey, dir: 'asc' | 'desc') {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * sortValue[key](a).localeCompare(sortValue[key](b)));
}

const csvColumns: CsvColumn<Dependency>[] = [
  { header: 'At risk', value: (d) => (d.atRisk ? 'yes' : 'no') },
  { header: 'Waiting team', value: (d) => d.waiting.teamName },
  { header: 'Waiting card', value: (d) => d.waiting.title },
  { header: 'Waiting card column', value: (d) => d.waiting.columnName },
  { header: 'Waits on team', value: (d) => d.on.teamName },
  { header: 'Card waited on', value: (d) => d.on.title },
  { header: 'Card waited on column', value: (d) => d.on.columnName },
  { header: 'Card waited on blocked', value: (d) => (d.on.blocked ? 'yes' : 'no') },
  { header: 'Deadline', value: (d) => d.deadline },
  { header: 'Deadline from', value: deadlineSource },
  { header: 'Working days left', value: (d) => d.workingDaysLeft },
];

/** Open waits between teams as a list, filtered in the URL (a pair of teams, at risk only). */
export function DependencyListPage() {
  const [params, setParams] = useSearchParams();
  const tz = params.get('tz') || browserTimeZone();
  const waiting = params.get('waiting') ?? undefined;
  const on = params.get('on') ?? undefined;
  const atRisk = params.get('atRisk') === 'true' ? 'true' : undefined;
  const list = useDependencies({ waiting, on, atRisk, tz });
  const teams = useDependencyGraph(tz).data?.teams ?? [];
  const set = (changes: Record<string, string | null>) => setParams(withParams(params, changes), { replace: true });
  const sort = (headers.find((h) => h.key === params.get('sort'))?.key ?? 'status') as SortKey;
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const setSort = (key: SortKey) =>
    set({ sort: key === 'status' ? null : key, dir: key === sort && dir === 'asc' ? 'desc' : null });
  const name = (id?: string) => teams.find((t) => t.id === id)?.name;
  const scope = waiting || on ? `${name(waiting) ?? 'any team'} waiting on ${name(on) ?? 'any team'}` : 'all teams';

  return (
    <section className="pmo-page" aria-labelledby="dependency-list-title">
      <nav className="pmo-crumbs" aria-label="Breadcrumb">
        <Link to="/dashboard">Portfolio</Link> /{' '}
        <Link to={`/pmo/dependencies?${new URLSearchParams({ tz })}`}>Dependencies</Link> / List
      </nav>
      <header className="pmo-header">
        <h1 id="dependency-list-title">Open waits: {scope}</h1>
      </header>
      <div className="pmo-tools">
        <TeamSelect label="Waiting team" value={waiting} teams={teams} onChange={(id) => set({ waiting: id })} />
        <TeamSelect label="Waits on" value={on} teams={teams} onChange={(id) => set({ on: id })} />
        <label className="pmo-check">
          <input
            type="checkbox"
            checked={atRisk === 'true'}
            onChange={(e) => set({ atRisk: e.target.checked ? 'true' : null })}
          />{' '}
          At risk only
        </label>
        {(['csv', 'xlsx'] as const).map((as) => (
          <button
            key={as}
            type="button"
            disabled={!list.data?.dependencies.length}
            onClick={() =>
              list.data &&
              downloadTable(as, `open-waits-${list.data.today}`, ...tableOf(list.data.dependencies, csvColumns))
            }
          >
            Export {as === 'csv' ? 'CSV' : 'Excel'}
            <span className="visually-hidden"> of the open waits</span>
          </button>
        ))}
        {list.isFetching && list.data && (
          <span className="muted" role="status">
            Updating…
          </span>
        )}
      </div>
      <QueryState
        query={list}
        loading="Loading the open waits…"
        failed="The open waits could not be loaded"
        isEmpty={(l) => l.total === 0}
        empty={
          <p>
            {atRisk
              ? 'No wait is at risk here: nothing waited on is late for a date within the next working week.'
              : 'No open wait between these teams.'}
          </p>
        }
      >
        {(l) => (
          <>
            <p className="pmo-note">
              {l.total} open {l.total === 1 ? 'wait' : 'waits'}
              {l.total > l.dependencies.length && `, the first ${l.dependencies.length} shown`}; at-risk first, then by
              deadline. Near means by {l.nearUntil}.
            </p>
            <ScrollBox className="pmo-scroll" label="Open waits between teams">
              <table className="data-table pmo-table">
                <caption className="visually-hidden">Open waits between teams, at-risk first</caption>
                <thead>
                  <tr>
                    {headers.map((h) => (
                      <th
                        key={h.key}
                        scope="col"
                        aria-sort={sort === h.key ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                      >
                        <button type="button" className="pmo-sort" onClick={() => setSort(h.key)}>
                          {h.label}
                          <span aria-hidden="true">{sort === h.key ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                        </button>
                      </th>
                    ))}
                    <th scope="col" className="num">
                      Working days left
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sorted(l.dependencies, sort, dir).map((d) => (
                    <tr key={d.linkId} className={d.atRisk ? 'risky-row' : ''}>
                      <td>
                        {d.atRisk ? (
                          <strong className="risk-badge">⚠ At risk</strong>
                        ) : d.deadline ? (
                          'On track'
                        ) : (
                          <span className="muted">No date</span>
                        )}
                      </td>
                      <td>
                        <Link to={`/teams/${d.waiting.teamId}/board/cards/${d.waiting.cardId}`}>{d.waiting.title}</Link>
                        <small>
                          {d.waiting.teamName} · {d.waiting.columnName}
                        </small>
                      </td>
                      <td>
                        <Link to={`/teams/${d.on.teamId}/board/cards/${d.on.cardId}`}>{d.on.title}</Link>
                        <small>
                          {d.on.teamName} · {d.on.columnName}
                          {d.on.blocked && ' · blocked'}
                        </small>
                      </td>
                      <td>
                        {d.deadline ?? '—'}
                        <small>{deadlineSource(d)}</small>
                      </td>
                      <td className="num">{daysLeft(d) || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </>
        )}
      </QueryState>
    </section>
  );
}

export default DependencyListPage;

/** A choice of one team, or any. */
function TeamSelect({
  label,
  value,
  teams,
  onChange,
}: {
  label: string;
  value: string | null | undefined;
  teams: { id: string; name: string }[];
  onChange: (id: string) => void;
}) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">Any team</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}
