// The sprint charts, drawn with Recharts. This module is loaded only by pages that chart (React.lazy), so the
// chart library stays out of the first page.
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SprintChart, Velocity } from '@amb/shared/sprints';
import type { ReactNode } from 'react';
import { ChartFigure, type ChartTable } from './chart-figure';
import { period, shortDay } from './format';
import { legendText, tooltipStyle } from '../../lib/chart-tooltip';

// Palette colours (styles.css), so the lines follow the theme.
const colours = {
  ideal: 'var(--neutral-solid)',
  remaining: 'var(--series-indigo)',
  scope: 'var(--series-orange)',
  completed: 'var(--series-green)',
  committed: 'var(--neutral-solid)',
};

function burnEmpty(chart: SprintChart): string | null {
  if (chart.state === 'PLANNED') return 'This sprint has not started: its chart begins on the day it starts.';
  if (chart.days.every((d) => d.scope === null)) return 'The sprint’s first day has not begun yet.';
  if (chart.committedPoints === 0 && chart.days.every((d) => !d.scope))
    return 'No estimated card was in this sprint, so there are no points to chart. Estimate the cards to see the burndown.';
  return null;
}

const points = (v: unknown) => `${String(v)} pt`;

/** A burn chart: one line per series over the sprint's working days, in points. */
function BurnFigure({
  chart,
  what,
  table,
  data,
  children,
}: {
  chart: SprintChart;
  what: string;
  table: ChartTable;
  data: object[];
  children: ReactNode;
}) {
  return (
    <ChartFigure
      title={`${what}: ${chart.name}, ${period(chart.startDate, chart.endDate)}`}
      fileName={`${what.toLowerCase()}-${chart.name}.csv`}
      empty={burnEmpty(chart)}
      table={table}
    >
      <ResponsiveContainer width="100%" height={260}>
        {/* The picture is hidden from screen readers (the table says it), so it takes no keyboard focus either. */}
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--chart-grid)" />
          {/* Day labels keep a gap between them: on a narrow chart some days go unlabelled rather than touch. */}
          <XAxis dataKey="day" interval="preserveStartEnd" minTickGap={16} tickMargin={6} tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} label={{ value: 'points', angle: -90, position: 'insideLeft' }} />
          <Tooltip {...tooltipStyle} formatter={points} />
          <Legend formatter={legendText} />
          {children}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function BurndownChart({ chart }: { chart: SprintChart }) {
  return (
    <BurnFigure
      chart={chart}
      what="Burndown"
      data={chart.days.map((d) => ({ day: shortDay(d.date), Ideal: d.ideal, Remaining: d.remaining, Scope: d.scope }))}
      table={{
        header: ['Day', 'Ideal remaining (pt)', 'Remaining (pt)', 'Scope (pt)'],
        rows: chart.days.map((d) => [d.date, d.ideal, d.remaining, d.scope]),
      }}
    >
      <Line dataKey="Ideal" stroke={colours.ideal} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
      <Line
        dataKey="Remaining"
        stroke={colours.remaining}
        strokeWidth={3}
        type="stepAfter"
        isAnimationActive={false}
        connectNulls={false}
      />
      <Line
        dataKey="Scope"
        stroke={colours.scope}
        strokeDasharray="2 3"
        type="stepAfter"
        isAnimationActive={false}
        connectNulls={false}
      />
    </BurnFigure>
  );
}

export function BurnupChart({ chart }: { chart: SprintChart }) {
  return (
    <BurnFigure
      chart={chart}
      what="Burnup"
      data={chart.days.map((d) => ({ day: shortDay(d.date), Scope: d.scope, Completed: d.completed }))}
      table={{
        header: ['Day', 'Scope (pt)', 'Completed (pt)'],
        rows: chart.days.map((d) => [d.date, d.scope, d.completed]),
      }}
    >
      <Line dataKey="Scope" stroke={colours.scope} strokeWidth={2} type="stepAfter" isAnimationActive={false} />
      <Line dataKey="Completed" stroke={colours.completed} strokeWidth={3} type="stepAfter" isAnimationActive={false} />
    </BurnFigure>
  );
}

export function VelocityChart({ velocity }: { velocity: Velocity }) {
  const first = velocity.sprints[0];
  const last = velocity.sprints.at(-1);
  const title =
    first && last
      ? `Velocity: last ${velocity.sprints.length} closed sprint${velocity.sprints.length === 1 ? '' : 's'}, ${shortDay(first.endDate)} – ${shortDay(last.endDate)}`
      : 'Velocity';
  const data = velocity.sprints.map((s) => ({ sprint: s.name, Committed: s.committed, Completed: s.completed }));
  return (
    <ChartFigure
      title={title}
      fileName="velocity.csv"
      empty={
        velocity.sprints.length ? null : 'No sprint has closed yet: velocity appears once the first sprint is closed.'
      }
      table={{
        header: ['Sprint', 'Committed (pt)', 'Completed (pt)'],
        rows: [
          ...velocity.sprints.map((s) => [s.name, s.committed, s.completed]),
          ['Average completed, last three', null, velocity.averageOfLastThree],
        ],
      }}
    >
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--chart-grid)" />
          <XAxis dataKey="sprint" />
          <YAxis allowDecimals={false} label={{ value: 'points', angle: -90, position: 'insideLeft' }} />
          <Tooltip {...tooltipStyle} formatter={points} />
          <Legend formatter={legendText} />
          <Bar dataKey="Committed" fill={colours.committed} isAnimationActive={false} />
          <Bar dataKey="Completed" fill={colours.completed} isAnimationActive={false} />
          {velocity.averageOfLastThree !== null && (
            <ReferenceLine y={velocity.averageOfLastThree} stroke={colours.remaining} strokeDasharray="6 3" />
          )}
        </ComposedChart>
      </ResponsiveContainer>
      {/* Said under the chart rather than on the line, where on a phone it would sit on a bar. */}
      {velocity.averageOfLastThree !== null && (
        <p className="chart-note">
          <span className="key-dashed" style={{ borderColor: colours.remaining }} /> Average of last 3:{' '}
          {velocity.averageOfLastThree} pt
        </p>
      )}
    </ChartFigure>
  );
}

/** Both sprint charts and the scope changed after the start. */
export default function SprintCharts({ chart }: { chart: SprintChart }) {
  return (
    <div className="sprint-charts">
      <BurndownChart chart={chart} />
      <BurnupChart chart={chart} />
    </div>
  );
}
