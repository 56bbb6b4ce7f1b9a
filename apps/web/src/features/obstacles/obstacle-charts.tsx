// The obstacle charts, drawn with recharts like the flow charts. Loaded only when the obstacles page draws a chart
// (React.lazy), so the chart library stays out of every other bundle.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { legendText, tooltipStyle } from '../../lib/chart-tooltip';

const HEIGHT = 260;

export interface CategoryBar {
  name: string;
  days: number;
  colour: string;
}

/** Blocked days per category, largest first, as horizontal bars. */
export function BlockedTimeChart({ bars }: { bars: CategoryBar[] }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, bars.length * 36 + 40)}>
      <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          allowDecimals={false}
          label={{ value: 'Blocked days (card-days)', position: 'insideBottom', offset: -2 }}
          height={40}
        />
        <YAxis type="category" dataKey="name" width={140} />
        <Tooltip {...tooltipStyle} formatter={(v) => [`${String(v)} days`, 'Blocked']} />
        <Bar dataKey="days" name="Blocked days" isAnimationActive={false}>
          {bars.map((b) => (
            <Cell key={b.name} fill={b.colour} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export interface TrendSeries {
  key: string;
  name: string;
  colour: string;
}

/** The weekly median time to clear, one line per category or team. */
export function TimeToClearChart({
  weeks,
  series,
}: {
  weeks: Record<string, string | number | null>[];
  series: TrendSeries[];
}) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart data={weeks} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="week" tickFormatter={(d: string) => d.slice(5)} minTickGap={16} />
        <YAxis
          label={{ value: 'Median days to clear', angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }}
        />
        <Tooltip
          {...tooltipStyle}
          formatter={(v, name) => [`${String(v)} days`, name]}
          labelFormatter={(w) => `Week of ${String(w)}`}
        />
        <Legend formatter={legendText} />
        {series.map((s) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.name}
            stroke={s.colour}
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
