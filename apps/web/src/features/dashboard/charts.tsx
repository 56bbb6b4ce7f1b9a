// The flow charts, drawn with recharts. This module is loaded only by the pages that chart (React.lazy), so the
// chart library stays out of the board's bundle.
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { AgingWork, CumulativeFlow, CycleTime, Forecast, TeamFlow } from '@amb/shared/portfolio';
import { stageColour } from './stages';
import { legendText, tooltipStyle } from '../../lib/chart-tooltip';
import { dayLabel, dayTicks } from '../../lib/day-ticks';

const HEIGHT = 280;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

export function CumulativeFlowChart({ flow }: { flow: CumulativeFlow }) {
  const data = flow.days.map((d) => ({ day: d.day, ...d.counts }));
  // Largest band first, so each later stage is drawn over it: done at the bottom, the earliest stage on top.
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <AreaChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} minTickGap={24} />
        <YAxis allowDecimals={false} label={{ value: 'Cards', angle: -90, position: 'insideLeft' }} />
        {/* Stages listed in board order, as the legend lists them (not by name). */}
        <Tooltip {...tooltipStyle} itemSorter={(item) => flow.stages.findIndex((s) => s.id === item.dataKey)} />
        <Legend itemSorter={(item) => flow.stages.findIndex((s) => s.id === item.dataKey)} formatter={legendText} />
        {flow.stages.map((stage) => (
          <Area
            key={stage.id}
            type="stepAfter"
            dataKey={stage.id}
            name={stage.name}
            stroke={stageColour(stage, flow.stages)}
            fill={stageColour(stage, flow.stages)}
            fillOpacity={0.85}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}

function percentileLines(p: { p50: number | null; p85: number | null; p95?: number | null }) {
  const lines: [string, number | null, string][] = [
    ['50%', p.p50, 'var(--neutral-text)'],
    ['85%', p.p85, 'var(--warn)'],
    ['95%', p.p95 ?? null, 'var(--danger)'],
  ];
  return lines.map(([label, value, colour]) =>
    value === null ? null : (
      <ReferenceLine
        key={label}
        y={value}
        stroke={colour}
        strokeDasharray="6 3"
        label={{ value: `${label}: ${value} d`, position: 'insideTopRight', fill: colour, fontSize: 12 }}
      />
    ),
  );
}

export function CycleTimeScatter({ cycle }: { cycle: CycleTime }) {
  const data = cycle.points.map((p) => ({ x: dayMs(p.finishedOn), y: p.days, title: p.title }));
  const domain: [number, number] = [dayMs(cycle.from), dayMs(cycle.to)];
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <ScatterChart margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        {/* A time axis: ticks a whole number of days apart, six at most, none on the first day at the left edge. */}
        <XAxis
          type="number"
          dataKey="x"
          name="Finished"
          domain={domain}
          ticks={dayTicks(domain[0], domain[1], 6)}
          interval={0}
          tickFormatter={dayLabel}
          scale="time"
        />
        <YAxis
          type="number"
          dataKey="y"
          name="Cycle time (days)"
          allowDecimals={false}
          label={{ value: 'Days', angle: -90, position: 'insideLeft' }}
        />
        <Tooltip
          {...tooltipStyle}
          formatter={(value, name) => (name === 'Finished' ? dayLabel(Number(value)) : value)}
        />
        <Scatter name="Cards finished" data={data} fill="var(--series-indigo)" isAnimationActive={false} />
        {percentileLines(cycle)}
      </ScatterChart>
    </ResponsiveContainer>
  );
}

export function ThroughputBars({ flow }: { flow: TeamFlow }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={flow.throughput} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="week" tickFormatter={(d: string) => d.slice(5)} />
        <YAxis allowDecimals={false} />
        <Tooltip {...tooltipStyle} />
        <Bar dataKey="cards" name="Cards finished" fill="var(--success-solid)" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function FlowEfficiencyChart({ flow }: { flow: TeamFlow }) {
  const data = flow.efficiency.map((w) => ({
    ...w,
    percent: w.efficiency === null ? null : Math.round(w.efficiency * 100),
  }));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="week" tickFormatter={(d: string) => d.slice(5)} />
        <YAxis domain={[0, 100]} unit="%" />
        <Tooltip {...tooltipStyle} />
        <Line
          dataKey="percent"
          name="Flow efficiency"
          unit="%"
          stroke="var(--series-indigo)"
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function AgingChart({ aging }: { aging: AgingWork }) {
  const index = new Map(aging.stages.map((s, i) => [s.id, i]));
  const perStage = new Map<string, number>();
  const data = aging.cards.map((c) => {
    const n = perStage.get(c.stageId) ?? 0;
    perStage.set(c.stageId, n + 1);
    // Spread cards of one stage sideways a little, so equal ages stay visible.
    return { x: (index.get(c.stageId) ?? 0) + ((n % 7) - 3) * 0.06, y: c.ageDays, title: c.title, blocked: c.blocked };
  });
  const top = Math.max(aging.p95 ?? 0, ...aging.cards.map((c) => c.ageDays), 1) + 1;
  const bands = [
    [0, aging.p50, 'var(--success-bg)'],
    [aging.p50, aging.p85, 'var(--warning-bg)'],
    [aging.p85, aging.p95, 'var(--warning-bg-strong)'],
    [aging.p95, top, 'var(--danger-bg-strong)'],
  ] as const;
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <ScatterChart margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        {aging.p50 !== null &&
          bands.map(([y1, y2, fill], i) =>
            y1 !== null && y2 !== null ? (
              <ReferenceArea key={i} y1={y1} y2={y2} fill={fill} fillOpacity={1} ifOverflow="extendDomain" />
            ) : null,
          )}
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="x"
          domain={[-0.5, Math.max(aging.stages.length - 0.5, 0.5)]}
          ticks={aging.stages.map((_, i) => i)}
          tickFormatter={(i: number) => aging.stages[i]?.name ?? ''}
        />
        <YAxis
          type="number"
          dataKey="y"
          name="Age (days)"
          allowDecimals={false}
          domain={[0, top]}
          label={{ value: 'Age in days', angle: -90, position: 'insideLeft' }}
        />
        <Tooltip {...tooltipStyle} />
        <Scatter
          name="Open cards"
          data={data.filter((d) => !d.blocked)}
          fill="var(--series-indigo)"
          isAnimationActive={false}
        />
        <Scatter
          name="Blocked cards"
          data={data.filter((d) => d.blocked)}
          fill="var(--danger)"
          shape="cross"
          isAnimationActive={false}
        />
        {percentileLines(aging)}
        <Legend formatter={legendText} />
      </ScatterChart>
    </ResponsiveContainer>
  );
}

export function ForecastHistogram({ result }: { result: Forecast }) {
  const markers = result.when
    ? ([
        ['50%', result.when.p50],
        ['85%', result.when.p85],
        ['95%', result.when.p95],
      ] as const)
    : [];
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={result.histogram} margin={{ top: 24, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} minTickGap={16} />
        <YAxis allowDecimals={false} label={{ value: 'Runs', angle: -90, position: 'insideLeft' }} />
        <Tooltip {...tooltipStyle} />
        <Bar dataKey="runs" name="Runs finishing that day" fill="var(--chart-bar)" isAnimationActive={false} />
        {markers.map(([label, day]) =>
          day ? (
            <ReferenceLine
              key={label}
              x={day}
              stroke="var(--warn)"
              strokeDasharray="6 3"
              label={{ value: `${label} ${day.slice(5)}`, position: 'top', fontSize: 12 }}
            />
          ) : null,
        )}
        {result.target && (
          <ReferenceLine
            x={result.target}
            stroke="var(--danger)"
            label={{ value: 'Target', position: 'insideTop', fontSize: 12 }}
          />
        )}
      </BarChart>
    </ResponsiveContainer>
  );
}
