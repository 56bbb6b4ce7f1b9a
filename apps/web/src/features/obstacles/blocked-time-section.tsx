import { lazy, Suspense } from 'react';
import type { BlockedTime } from '@amb/shared/obstacle-reports';
import { ChartSection } from '../../components/chart-section';
import { QueryState } from '../../components/query-state';
import type { CsvColumn } from '../../lib/csv';
import type { Period } from '../../lib/period-filters';
import { useBlockedTime } from './api';
import { capitalised, categoryName, chosenTeamsText, colourOf, daysWord, inChosenTeams, inDays } from './categories';

const BlockedTimeChart = lazy(() => import('./obstacle-charts').then((m) => ({ default: m.BlockedTimeChart })));

type Row = BlockedTime['rows'][number] & { teamName: string };

/** Blocked time over the period: per category as bars (where it costs the teams most), per team as a table. */
export function BlockedTimeSection({ period, teams }: { period: Period; teams: string[] }) {
  const blocked = useBlockedTime(period, teams);
  return (
    <QueryState query={blocked} loading="Loading blocked time…" failed="Blocked time could not be loaded">
      {(data) => <BlockedTimeFigures data={data} period={period} teams={teams} />}
    </QueryState>
  );
}

function BlockedTimeFigures({ data, period, teams }: { data: BlockedTime; period: Period; teams: string[] }) {
  const teamName = new Map(data.teams.map((t) => [t.id, t.name]));
  const rows: Row[] = data.rows.map((r) => ({ ...r, teamName: teamName.get(r.teamId) ?? '' }));
  const perCategory = new Map<string, { category: Row['category']; hours: number }>();
  for (const r of rows) {
    const c = perCategory.get(r.category ?? '') ?? { category: r.category, hours: 0 };
    c.hours += r.hours;
    perCategory.set(r.category ?? '', c);
  }
  const bars = [...perCategory.values()]
    .sort((a, b) => b.hours - a.hours)
    .map((c) => ({ name: categoryName(c.category), days: inDays(c.hours), colour: colourOf(c.category) }));
  const perTeam = new Map<string, { name: string; hours: number; top: Row }>();
  for (const r of rows) {
    const t = perTeam.get(r.teamId);
    if (!t) perTeam.set(r.teamId, { name: r.teamName, hours: r.hours, top: r });
    else {
      t.hours += r.hours;
      if (r.hours > t.top.hours) t.top = r;
    }
  }
  const teamRows = [...perTeam.values()].sort((a, b) => b.hours - a.hours);
  const columns: CsvColumn<Row>[] = [
    { header: 'Team', value: (r) => r.teamName },
    { header: 'Category', value: (r) => categoryName(r.category) },
    { header: 'Blocked (card-days)', value: (r) => inDays(r.hours) },
    { header: 'Blocked (card-hours)', value: (r) => r.hours },
    { header: 'Cards', value: (r) => r.cards },
  ];
  const worst = bars[0];
  return (
    <ChartSection
      title={`Blocked time by category, ${period.from} to ${period.to}${chosenTeamsText(teams, data.teams)}`}
      summary={
        worst
          ? `Card-days blocked within the period (a block still open counts up to now). ${capitalised(worst.name)} cost the teams most: ${daysWord(worst.days)}.`
          : 'Card-days blocked within the period.'
      }
      rows={rows}
      columns={columns}
      filename={`blocked-time-${period.from}-${period.to}.csv`}
      empty={rows.length ? null : `No card${inChosenTeams(teams)} was blocked in this period.`}
    >
      <Suspense
        fallback={
          <p className="page-loading" role="status">
            Loading the chart…
          </p>
        }
      >
        <BlockedTimeChart bars={bars} />
      </Suspense>
      <div className="table-scroll">
        <table className="data-table blocked-teams">
          <caption>Blocked time per team, most first</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col" className="num">
                Blocked (card-days)
              </th>
              <th scope="col">Costliest category</th>
            </tr>
          </thead>
          <tbody>
            {teamRows.map((t) => (
              <tr key={t.name}>
                <th scope="row">{t.name}</th>
                <td className="num">{inDays(t.hours)}</td>
                <td>
                  {categoryName(t.top.category)} ({daysWord(inDays(t.top.hours))})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartSection>
  );
}
