import { lazy, Suspense } from 'react';
import { addDays, weekStart } from '@amb/domain/local-days';
import type { BlockerCategory } from '@amb/shared/obstacles';
import type { TimeToClear } from '@amb/shared/obstacle-reports';
import { ChartSection } from '../../components/chart-section';
import { QueryState } from '../../components/query-state';
import type { CsvColumn } from '../../lib/csv';
import type { Period } from '../../lib/period-filters';
import { useTimeToClear } from './api';
import { categoryName, chosenTeamsText, colourOf, inChosenTeams, inDays } from './categories';

const TimeToClearChart = lazy(() => import('./obstacle-charts').then((m) => ({ default: m.TimeToClearChart })));

/** Lines a reader can still tell apart; the data table and CSV hold every team. */
const MAX_TEAM_LINES = 6;
const teamColours = [
  'var(--series-indigo)',
  'var(--series-orange)',
  'var(--series-green)',
  'var(--series-pink)',
  'var(--series-blue)',
  'var(--series-grey)',
];

interface Row {
  week: string;
  group: string;
  cleared: number;
  medianHours: number;
}

/** Whether obstacles get cleared faster: the weekly median time to clear, per category or per team. */
export function TimeToClearSection({
  period,
  teams,
  by,
  onBy,
}: {
  period: Period;
  teams: string[];
  by: 'category' | 'team';
  onBy: (by: 'category' | 'team') => void;
}) {
  const clear = useTimeToClear(period, teams);
  return (
    <QueryState query={clear} loading="Loading time to clear…" failed="Time to clear could not be loaded">
      {(data) => <TimeToClearFigures data={data} period={period} teams={teams} by={by} onBy={onBy} />}
    </QueryState>
  );
}

function TimeToClearFigures({
  data,
  period,
  teams,
  by,
  onBy,
}: {
  data: TimeToClear;
  period: Period;
  teams: string[];
  by: 'category' | 'team';
  onBy: (by: 'category' | 'team') => void;
}) {
  const teamName = new Map(data.teams.map((t) => [t.id, t.name]));
  const rows: Row[] =
    by === 'category'
      ? data.byCategory.map((w) => ({
          week: w.week,
          group: categoryName(w.category),
          cleared: w.cleared,
          medianHours: w.medianHours,
        }))
      : data.byTeam.map((w) => ({
          week: w.week,
          group: teamName.get(w.teamId) ?? '',
          cleared: w.cleared,
          medianHours: w.medianHours,
        }));
  const series =
    by === 'category'
      ? [...new Set(data.byCategory.map((w) => w.category))].map((c) => ({
          key: categoryName(c),
          name: categoryName(c),
          colour: colourOf(c as BlockerCategory | null),
        }))
      : busiestTeams(data).map((id, i) => ({
          key: teamName.get(id) ?? id,
          name: teamName.get(id) ?? id,
          colour: teamColours[i % teamColours.length]!,
        }));
  // Every week of the period, so a week without a cleared obstacle shows as a gap, not as no time at all.
  const weeks = weeksOf(period).map((week) => {
    const point: Record<string, string | number | null> = { week };
    for (const r of rows) if (r.week === week) point[r.group] = inDays(r.medianHours);
    return point;
  });
  const columns: CsvColumn<Row>[] = [
    { header: 'Week of', value: (r) => r.week },
    { header: by === 'category' ? 'Category' : 'Team', value: (r) => r.group },
    { header: 'Obstacles cleared', value: (r) => r.cleared },
    { header: 'Median time to clear (days)', value: (r) => inDays(r.medianHours) },
  ];
  const cleared = rows.reduce((n, r) => n + r.cleared, 0);
  return (
    <ChartSection
      title={`Time to clear an obstacle, weekly median by ${by}, ${period.from} to ${period.to}${chosenTeamsText(teams, data.teams)}`}
      summary={
        <>
          From the moment a card was blocked to the moment it was unblocked, by the week it was cleared in; {cleared}{' '}
          {cleared === 1 ? 'obstacle' : 'obstacles'} cleared.
          {by === 'team' &&
            series.length < new Set(data.byTeam.map((w) => w.teamId)).size &&
            ` The chart shows the ${series.length} teams that cleared the most; the data table has every team.`}{' '}
          <span className="clear-by" role="group" aria-label="Show time to clear by">
            <button type="button" aria-pressed={by === 'category'} onClick={() => onBy('category')}>
              By category
            </button>
            <button type="button" aria-pressed={by === 'team'} onClick={() => onBy('team')}>
              By team
            </button>
          </span>
        </>
      }
      rows={rows}
      columns={columns}
      filename={`time-to-clear-by-${by}-${period.from}-${period.to}.csv`}
      empty={rows.length ? null : `No obstacle${inChosenTeams(teams)} was cleared in this period.`}
    >
      <Suspense
        fallback={
          <p className="page-loading" role="status">
            Loading the chart…
          </p>
        }
      >
        <TimeToClearChart weeks={weeks} series={series} />
      </Suspense>
    </ChartSection>
  );
}

/** The Mondays of the weeks the period touches. */
function weeksOf(period: Period): string[] {
  const weeks: string[] = [];
  for (let week = weekStart(period.from); week <= period.to; week = addDays(week, 7)) weeks.push(week);
  return weeks;
}

/** The teams that cleared the most obstacles in the period. */
function busiestTeams(data: TimeToClear): string[] {
  const counts = new Map<string, number>();
  for (const w of data.byTeam) counts.set(w.teamId, (counts.get(w.teamId) ?? 0) + w.cleared);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_TEAM_LINES)
    .map(([id]) => id);
}
