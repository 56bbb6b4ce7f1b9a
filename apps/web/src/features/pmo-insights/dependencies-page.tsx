import { Link, useSearchParams } from 'react-router';
import type { DependencyGraph } from '@amb/shared/dependencies';
import { NEAR_WORKING_DAYS } from '@amb/domain/dependency-risk';
import { QueryState } from '../../components/query-state';
import { tableOf } from '../../lib/csv';
import { downloadTable, type TableFormat } from '../../lib/xlsx';
import { useDependencyGraph } from './api';
import { DependencyGraphDrawing, edgeListUrl } from './dependency-graph';
import { browserTimeZone, withParams } from '../../lib/period-filters';
import './pmo-insights.css';
import { ScrollBox } from '../../components/scroll-box';

type Edge = DependencyGraph['edges'][number];

/** The PMO's map of waits between teams: a graph of teams and a table of its edges, each opening its list. */
export function DependenciesPage() {
  const [params, setParams] = useSearchParams();
  const tz = params.get('tz') || browserTimeZone();
  const graph = useDependencyGraph(tz);
  return (
    <section className="pmo-page" aria-labelledby="dependencies-title">
      <nav className="pmo-crumbs" aria-label="Breadcrumb">
        <Link to="/dashboard">Portfolio</Link> / Dependencies
      </nav>
      <header className="pmo-header">
        <h1 id="dependencies-title">Dependencies between teams</h1>
        <Link to={`/pmo/dependencies/list?${new URLSearchParams({ tz })}`}>All open waits as a list</Link>
      </header>
      <QueryState
        query={graph}
        loading="Loading the dependencies…"
        failed="The dependencies could not be loaded"
        isEmpty={(g) => g.edges.length === 0}
        empty={
          <p>
            No card waits on another team’s card among the teams you can read. Waits are recorded on a card as “depends
            on” or “blocks” another team’s card.
          </p>
        }
      >
        {(g) => (
          <GraphView
            graph={g}
            tz={tz}
            onlyAtRisk={params.get('only') === 'at-risk'}
            setOnlyAtRisk={(on) => setParams(withParams(params, { only: on ? 'at-risk' : null }), { replace: true })}
          />
        )}
      </QueryState>
    </section>
  );
}

function GraphView({
  graph,
  tz,
  onlyAtRisk,
  setOnlyAtRisk,
}: {
  graph: DependencyGraph;
  tz: string;
  onlyAtRisk: boolean;
  setOnlyAtRisk: (on: boolean) => void;
}) {
  const drawn = onlyAtRisk ? { ...graph, edges: graph.edges.filter((e) => e.atRisk > 0) } : graph;
  const drawnTeams = new Set(drawn.edges.flatMap((e) => [e.waiting, e.on]));
  const names = new Map(graph.teams.map((t) => [t.id, t.name]));
  const edges = [...graph.edges].sort(
    (a, b) =>
      b.atRisk - a.atRisk ||
      b.links - a.links ||
      (names.get(a.waiting) ?? '').localeCompare(names.get(b.waiting) ?? ''),
  );
  const links = edges.reduce((n, e) => n + e.links, 0);
  const atRisk = edges.reduce((n, e) => n + e.atRisk, 0);
  const csv = (as: TableFormat) =>
    downloadTable(
      as,
      `dependencies-${graph.today}`,
      ...tableOf(edges, [
        { header: 'Waiting team', value: (e: Edge) => names.get(e.waiting) },
        { header: 'Waits on team', value: (e: Edge) => names.get(e.on) },
        { header: 'Open links', value: (e: Edge) => e.links },
        { header: 'At risk', value: (e: Edge) => e.atRisk },
      ]),
    );
  return (
    <>
      <dl className="pmo-figures">
        <div>
          <dt>Open waits</dt>
          <dd>{links}</dd>
        </div>
        <div className={atRisk ? 'risky' : ''}>
          <dt>At risk</dt>
          <dd>
            {atRisk > 0 && <span aria-hidden="true">⚠ </span>}
            {atRisk}
          </dd>
        </div>
        <div>
          <dt>Team pairs</dt>
          <dd>{edges.length}</dd>
        </div>
        <div>
          <dt>Teams involved</dt>
          <dd>{graph.teams.length}</dd>
        </div>
      </dl>
      <p className="pmo-note">
        At risk: the card waited on is not done while the waiting card’s due date or sprint end is within{' '}
        {NEAR_WORKING_DAYS} working days (by {graph.nearUntil}) or already past.
      </p>
      <div className="pmo-graph-layout">
        <figure className="pmo-card pmo-graph">
          <figcaption>
            <h2>Who waits on whom, today</h2>
            <ul className="pmo-legend" aria-label="Legend">
              <li>
                <span className="swatch risky" aria-hidden="true" /> red, solid: some waits at risk
              </li>
              <li>
                <span className="swatch calm" aria-hidden="true" /> grey, dashed: none at risk
              </li>
              <li>thicker: more open links; the arrow points to the team waited on</li>
              <li>
                <span className="dot marketing" aria-hidden="true" /> marketing{' '}
                <span className="dot development" aria-hidden="true" /> development
              </li>
            </ul>
          </figcaption>
          <label className="pmo-check">
            <input type="checkbox" checked={onlyAtRisk} onChange={(e) => setOnlyAtRisk(e.target.checked)} /> Draw only
            pairs with waits at risk
          </label>
          {drawn.edges.length ? (
            <DependencyGraphDrawing
              graph={{ ...drawn, teams: graph.teams.filter((t) => drawnTeams.has(t.id)) }}
              tz={tz}
            />
          ) : (
            <p className="pmo-empty">
              No wait is at risk: nothing waited on is late for a date within the next {NEAR_WORKING_DAYS} working days.
            </p>
          )}
        </figure>
        <section className="pmo-card" aria-labelledby="edges-title">
          <div className="pmo-card-header">
            <h2 id="edges-title">Team pairs</h2>
            <span className="export-buttons">
              <button type="button" onClick={() => csv('csv')}>
                Export CSV<span className="visually-hidden"> of the team pairs</span>
              </button>
              <button type="button" onClick={() => csv('xlsx')}>
                Export Excel<span className="visually-hidden"> of the team pairs</span>
              </button>
            </span>
          </div>
          <ScrollBox className="pmo-scroll" label="Team pairs">
            <table className="data-table pmo-table">
              <caption className="visually-hidden">Open waits per pair of teams, at-risk first</caption>
              <thead>
                <tr>
                  <th scope="col">Waiting team</th>
                  <th scope="col">Waits on</th>
                  <th scope="col" className="num">
                    Open links
                  </th>
                  <th scope="col" className="num">
                    At risk
                  </th>
                </tr>
              </thead>
              <tbody>
                {edges.map((e) => (
                  <tr key={`${e.waiting}>${e.on}`}>
                    <th scope="row">{names.get(e.waiting)}</th>
                    <td>{names.get(e.on)}</td>
                    <td className="num">
                      <Link
                        to={edgeListUrl(e, tz)}
                        aria-label={`${e.links} open links: ${names.get(e.waiting)} waits on ${names.get(e.on)}`}
                      >
                        {e.links}
                      </Link>
                    </td>
                    <td className={`num ${e.atRisk ? 'risky' : ''}`}>{e.atRisk ? `⚠ ${e.atRisk}` : 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </section>
      </div>
    </>
  );
}

export default DependenciesPage;
