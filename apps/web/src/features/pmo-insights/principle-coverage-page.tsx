import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { localDay } from '@amb/domain/local-days';
import { principleShortName } from '@amb/domain/principles';
import type { PrincipleCoverage } from '@amb/shared/principle-coverage';
import { QueryState } from '../../components/query-state';
import { LeftOutTeams, TeamChoice, useTeamChoice } from '../../components/team-choice';
import { downloadTable, type TableFormat } from '../../lib/xlsx';
import { browserTimeZone, teamsSearch, withParams } from '../../lib/period-filters';
import { usePrincipleCoverage } from './api';
import { byPrincipleAndBucket, byTeamAndPrinciple, cellOf, maxima, NO_PRINCIPLE, shade } from './coverage-tables';
import { quarterPeriod } from './quarters';
import './pmo-insights.css';
import { ScrollBox } from '../../components/scroll-box';
import { paletteRgb, useTheme } from '../../lib/theme';

/** How the teams' finished work spreads over the manifesto's principles in a period: for the quarterly review. */
export function PrincipleCoveragePage() {
  const [params, setParams] = useSearchParams();
  const tz = params.get('tz') || browserTimeZone();
  // Today as of opening the page: the period does not move under the person while they read it.
  const [openedAt] = useState(() => Date.now());
  const today = localDay(openedAt, tz);
  const quarter = quarterPeriod(today, 'this');
  const from = params.get('from') || quarter.from;
  const to = params.get('to') || quarter.to;
  const bucket = params.get('bucket') === 'month' ? 'month' : 'week';
  const choice = useTeamChoice();
  const coverage = usePrincipleCoverage({ from, to, tz, bucket, teams: choice.chosen });
  const set = (changes: Record<string, string | null>) => setParams(withParams(params, changes), { replace: true });
  const last = quarterPeriod(today, 'last');
  const label =
    from === quarter.from && to === quarter.to
      ? `${quarter.label} so far`
      : from === last.from && to === last.to
        ? last.label
        : `${from} to ${to}`;

  return (
    <section className="pmo-page" aria-labelledby="principles-title">
      <nav className="pmo-crumbs" aria-label="Breadcrumb">
        <Link to={`/dashboard${teamsSearch(choice.chosen)}`}>Portfolio</Link> / Principles
      </nav>
      <header className="pmo-header">
        <h1 id="principles-title">Manifesto principles: {label}</h1>
        <div className="pmo-tools">
          <TeamChoice teams={choice.teams} chosen={choice.chosen} onChange={choice.choose} />
          <fieldset className="pmo-tools">
            <legend className="visually-hidden">Period</legend>
            <button
              type="button"
              aria-pressed={from === quarter.from && to === quarter.to}
              onClick={() => set({ from: quarter.from, to: quarter.to })}
            >
              This quarter
            </button>
            <button
              type="button"
              aria-pressed={from === last.from && to === last.to}
              onClick={() => set({ from: last.from, to: last.to })}
            >
              Last quarter
            </button>
            <label>
              From{' '}
              <input
                type="date"
                value={from}
                max={to}
                onChange={(e) => e.target.value && set({ from: e.target.value })}
              />
            </label>
            <label>
              To <input type="date" value={to} onChange={(e) => e.target.value && set({ to: e.target.value })} />
            </label>
            <label>
              By
              <select value={bucket} onChange={(e) => set({ bucket: e.target.value === 'month' ? 'month' : null })}>
                <option value="week">week</option>
                <option value="month">month</option>
              </select>
            </label>
          </fieldset>
        </div>
      </header>
      <LeftOutTeams choice={choice} />
      <QueryState
        query={coverage}
        loading="Loading the principle coverage…"
        failed="The principle coverage could not be loaded"
      >
        {(c) => <Coverage coverage={c} chosen={choice.chosen.length} onClearTeams={() => choice.choose([])} />}
      </QueryState>
    </section>
  );
}

/** Whose work the page shows, for its sentences: "the chosen team", "the 3 chosen teams" or every team. */
const chosenTeams = (chosen: number) => (chosen === 1 ? 'the chosen team' : `the ${chosen} chosen teams`);

function Coverage({
  coverage: c,
  chosen,
  onClearTeams,
}: {
  coverage: PrincipleCoverage;
  chosen: number;
  onClearTeams: () => void;
}) {
  const name = new Map(c.principles.map((p) => [p.id, p.name]));
  const neglected = c.recent.principles.filter((p) => p.neglected);
  const anyFinished = c.cells.length > 0;
  return (
    <>
      <section className={`pmo-callout ${neglected.length ? 'warn' : 'ok'}`} aria-labelledby="neglected-title">
        <h2 id="neglected-title">
          {neglected.length
            ? `${neglected.length} of ${c.principles.length} principles nobody worked on lately`
            : 'Every principle was worked on lately'}
        </h2>
        <p>
          Neglected: no card with the principle finished from {c.recent.from} to {c.to}, and none is in progress now
          {chosen ? ` in ${chosenTeams(chosen)}` : ''}.
        </p>
        <ul className="pmo-principle-status">
          {[...c.recent.principles]
            .sort((a, b) => Number(b.neglected) - Number(a.neglected))
            .map((p) => (
              <li key={p.principleId} className={p.neglected ? 'neglected' : ''}>
                <strong>
                  {p.neglected && <span aria-hidden="true">⚠ </span>}
                  {name.get(p.principleId)}
                </strong>
                {' — '}
                {p.neglected
                  ? p.lastFinishedOn
                    ? `neglected; last card finished ${p.lastFinishedOn}`
                    : 'neglected; no card finished yet'
                  : `${p.finishedRecently} finished lately, ${p.inProgressNow} in progress now`}
              </li>
            ))}
        </ul>
      </section>
      {anyFinished ? (
        <>
          <TeamHeatmap coverage={c} />
          <Trend coverage={c} scope={chosen ? `${chosenTeams(chosen)} together` : 'all teams together'} />
        </>
      ) : (
        <div className="pmo-card pmo-empty">
          <p>
            No card was finished from {c.from} to {c.to} by {chosen ? chosenTeams(chosen) : 'the teams you can read'},
            so there is nothing to spread over the principles.
          </p>
          {chosen > 0 && (
            <button type="button" onClick={onClearTeams}>
              Clear the team choice
            </button>
          )}
        </div>
      )}
      <Experiments coverage={c} scope={chosen ? ` by ${chosenTeams(chosen)}` : ''} />
    </>
  );
}

function PrincipleHeader({ name }: { name: string }) {
  return (
    <th scope="col" className="num">
      <abbr title={name}>{principleShortName(name, 22)}</abbr>
    </th>
  );
}

/** What the heat shades lie over: the table's surface, white in the light theme. */
function useShadeBase() {
  const dark = useTheme() === 'dark';
  return dark ? (paletteRgb('--surface') ?? undefined) : undefined;
}

function TeamHeatmap({ coverage: c }: { coverage: PrincipleCoverage }) {
  const base = useShadeBase();
  const totals = byTeamAndPrinciple(c);
  const columns = [
    ...c.principles.map((p) => ({ id: p.id, name: p.name })),
    { id: NO_PRINCIPLE, name: 'No principle' },
  ];
  const max = maxima(totals);
  const active = c.teams.filter((t) => columns.some((p) => cellOf(totals, t.id, p.id).cards > 0));
  const idle = c.teams.length - active.length;
  const csv = (as: TableFormat) =>
    downloadTable(
      as,
      `principles-by-team-${c.from}-${c.to}`,
      ['Team', ...columns.flatMap((p) => [`${p.name} (cards)`, `${p.name} (points)`])],
      active.map((t) => [
        t.name,
        ...columns.flatMap((p) => [cellOf(totals, t.id, p.id).cards, cellOf(totals, t.id, p.id).points]),
      ]),
    );
  return (
    <section className="pmo-card" aria-labelledby="heatmap-title">
      <div className="pmo-card-header">
        <h2 id="heatmap-title">
          Cards finished per team and principle, {c.from} to {c.to}
        </h2>
        <span className="export-buttons">
          <button type="button" onClick={() => csv('csv')}>
            Export CSV<span className="visually-hidden"> of cards per team and principle</span>
          </button>
          <button type="button" onClick={() => csv('xlsx')}>
            Export Excel<span className="visually-hidden"> of cards per team and principle</span>
          </button>
        </span>
      </div>
      <p className="pmo-note">
        Darker is more; cards without a principle are shaded grey on their own scale. A card with two principles counts
        under both. Points in small type.
        {idle > 0 &&
          ` ${idle} ${idle === 1 ? 'team' : 'teams'} finished no card in the period and ${idle === 1 ? 'is' : 'are'} left out.`}
      </p>
      <ScrollBox className="pmo-scroll" label="Cards finished per team and principle">
        <table className="data-table pmo-table heatmap">
          <caption className="visually-hidden">Cards finished (and points) per team and principle</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              {columns.map((p) => (
                <PrincipleHeader key={p.id} name={p.name} />
              ))}
            </tr>
          </thead>
          <tbody>
            {active.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                {columns.map((p) => {
                  const v = cellOf(totals, t.id, p.id);
                  return (
                    <td key={p.id} className={`num ${v.cards ? '' : 'zero'}`} style={shade(v.cards, p.id, max, base)}>
                      {v.cards}
                      {v.cards > 0 && <small> {v.points} pt</small>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}

function Trend({ coverage: c, scope }: { coverage: PrincipleCoverage; scope: string }) {
  const base = useShadeBase();
  const totals = byPrincipleAndBucket(c);
  const rows = [...c.principles.map((p) => ({ id: p.id, name: p.name })), { id: NO_PRINCIPLE, name: 'No principle' }];
  const max = maxima(totals);
  const unit = c.bucket === 'week' ? 'Week of' : 'Month of';
  const csv = (as: TableFormat) =>
    downloadTable(
      as,
      `principles-by-${c.bucket}-${c.from}-${c.to}`,
      ['Principle', ...c.buckets.flatMap((b) => [`${b} (cards)`, `${b} (points)`])],
      rows.map((p) => [
        p.name,
        ...c.buckets.flatMap((_, i) => [cellOf(totals, p.id, i).cards, cellOf(totals, p.id, i).points]),
      ]),
    );
  return (
    <section className="pmo-card" aria-labelledby="trend-title">
      <div className="pmo-card-header">
        <h2 id="trend-title">
          Cards finished per principle, {c.bucket} by {c.bucket}, {scope}
        </h2>
        <span className="export-buttons">
          <button type="button" onClick={() => csv('csv')}>
            Export CSV<span className="visually-hidden"> of cards per principle and {c.bucket}</span>
          </button>
          <button type="button" onClick={() => csv('xlsx')}>
            Export Excel<span className="visually-hidden"> of cards per principle and {c.bucket}</span>
          </button>
        </span>
      </div>
      <ScrollBox className="pmo-scroll" label={`Cards finished per principle and ${c.bucket}`}>
        <table className="data-table pmo-table heatmap trend">
          <caption className="visually-hidden">
            Cards finished per principle and {c.bucket}; columns are the first day of each {c.bucket}
          </caption>
          <thead>
            <tr>
              <th scope="col">Principle</th>
              {c.buckets.map((b) => (
                <th key={b} scope="col" className="num">
                  <span className="visually-hidden">{unit} </span>
                  {b.slice(5)}
                </th>
              ))}
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => {
              const sum = c.buckets.reduce((n, _, i) => n + cellOf(totals, p.id, i).cards, 0);
              return (
                <tr key={p.id}>
                  <th scope="row">
                    <abbr title={p.name}>{principleShortName(p.name, 28)}</abbr>
                  </th>
                  {c.buckets.map((b, i) => {
                    const v = cellOf(totals, p.id, i);
                    return (
                      <td
                        key={b}
                        className={`num ${v.cards ? '' : 'zero'}`}
                        style={shade(v.cards, p.id, max, base)}
                        title={`${v.cards} cards, ${v.points} points`}
                      >
                        {v.cards}
                      </td>
                    );
                  })}
                  <td className="num total">{sum}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}

const results = [
  { key: 'validated', label: 'Validated' },
  { key: 'invalidated', label: 'Invalidated' },
  { key: 'inconclusive', label: 'Inconclusive' },
  { key: 'noResult', label: 'Finished, no result' },
  { key: 'running', label: 'Running now' },
] as const;

function Experiments({ coverage: c, scope }: { coverage: PrincipleCoverage; scope: string }) {
  const name = new Map(c.teams.map((t) => [t.id, t.name]));
  const rows = [...c.experiments].sort((a, b) => (name.get(a.teamId) ?? '').localeCompare(name.get(b.teamId) ?? ''));
  const csv = (as: TableFormat) =>
    downloadTable(
      as,
      `experiments-${c.from}-${c.to}`,
      ['Team', ...results.map((r) => r.label)],
      rows.map((e) => [name.get(e.teamId) ?? '', ...results.map((r) => e[r.key])]),
    );
  return (
    <section className="pmo-card" aria-labelledby="experiments-title">
      <div className="pmo-card-header">
        <h2 id="experiments-title">
          Experiments by result, finished {c.from} to {c.to}
        </h2>
        <span className="export-buttons">
          <button type="button" disabled={!rows.length} onClick={() => csv('csv')}>
            Export CSV<span className="visually-hidden"> of experiments by result</span>
          </button>
          <button type="button" disabled={!rows.length} onClick={() => csv('xlsx')}>
            Export Excel<span className="visually-hidden"> of experiments by result</span>
          </button>
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="pmo-empty">
          No experiment card was finished in this period or is running now{scope}. An experiment is a card of type
          experiment, with a hypothesis and a result.
        </p>
      ) : (
        <ScrollBox className="pmo-scroll" label="Experiment cards per team by result">
          <table className="data-table pmo-table experiments">
            <caption className="visually-hidden">Experiment cards per team by result</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                {results.map((r) => (
                  <th key={r.key} scope="col" className="num">
                    <span className={`swatch result-${r.key}`} aria-hidden="true" /> {r.label}
                  </th>
                ))}
                <th scope="col">Share</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => {
                const total = results.reduce((n, r) => n + e[r.key], 0);
                return (
                  <tr key={e.teamId}>
                    <th scope="row">{name.get(e.teamId)}</th>
                    {results.map((r) => (
                      <td key={r.key} className="num">
                        {e[r.key]}
                      </td>
                    ))}
                    <td aria-hidden="true">
                      <span className="result-bar">
                        {results.map(
                          (r) =>
                            e[r.key] > 0 && (
                              <span key={r.key} className={`result-${r.key}`} style={{ flexGrow: e[r.key] / total }} />
                            ),
                        )}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}

export default PrincipleCoveragePage;
