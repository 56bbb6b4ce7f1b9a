// Flow metrics after Vacanti's "Actionable Agile Metrics": percentiles of cycle time, cumulative flow with each
// arrival counted once, time over WIP limits, and flow efficiency. The API computes the same figures in SQL for
// whole organisations; these are the definitions, and what the API uses for the small per-team series.
import { flowCategories, type FlowCategory } from './flow-categories';
import { dayStart, type LocalDay } from './local-days';

/** The portfolio stages in board order: every team's columns map onto these through their flow category. */
export const portfolioStages: readonly FlowCategory[] = flowCategories;

/**
 * The p-th percentile (0-100) by nearest rank: the smallest value that at least p% of values do not exceed, so it is
 * always one of the values ("85% of cards finish within 9 days"). PostgreSQL's percentile_disc gives the same.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The same percentile from a histogram (each value with how many times it occurs), as grouped SQL returns it. */
export function percentileOfCounts(histogram: readonly { value: number; count: number }[], p: number): number | null {
  const sorted = histogram.filter((h) => h.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((n, h) => n + h.count, 0);
  if (!total) return null;
  const rank = Math.min(total, Math.max(1, Math.ceil((p / 100) * total)));
  let seen = 0;
  for (const h of sorted) {
    seen += h.count;
    if (seen >= rank) return h.value;
  }
  return sorted[sorted.length - 1]!.value;
}

/** When a card first entered each stage (ms); a stage it never entered is missing. */
export type FirstArrivals = Partial<Record<FlowCategory, number>>;

/** Folds a card's placements (in time order) into first arrivals: moving back and forth counts each stage once. */
export function firstArrivals(placements: readonly { at: number; stage: FlowCategory }[]): FirstArrivals {
  const first: FirstArrivals = {};
  for (const p of placements) if (first[p.stage] === undefined || p.at < first[p.stage]!) first[p.stage] = p.at;
  return first;
}

/**
 * When the card reached each stage or a later one: a card that skipped a stage (straight from to-do to done) has
 * passed it too, so cumulative bands never cross.
 */
export function reachedStages(first: FirstArrivals): FirstArrivals {
  const reached: FirstArrivals = {};
  let earliest: number | undefined;
  for (let i = portfolioStages.length - 1; i >= 0; i--) {
    const stage = portfolioStages[i]!;
    const at = first[stage];
    if (at !== undefined && (earliest === undefined || at < earliest)) earliest = at;
    if (earliest !== undefined) reached[stage] = earliest;
  }
  return reached;
}

export interface CumulativeFlowDay {
  day: LocalDay;
  /** Cards that had reached each stage (or a later one) by the end of the day. */
  counts: Record<FlowCategory, number>;
}

/** The cumulative flow diagram: for each day, how many cards had arrived in each stage by its end (local time). */
export function cumulativeFlow(
  cards: readonly FirstArrivals[],
  days: readonly LocalDay[],
  timeZone: string,
): CumulativeFlowDay[] {
  // A day ends at the next local midnight (a day may be 23 or 25 hours long).
  const ends = days.map((d) => nextMidnight(d, timeZone));
  const reached = cards.map(reachedStages);
  return days.map((day, i) => {
    const counts = Object.fromEntries(portfolioStages.map((s) => [s, 0])) as Record<FlowCategory, number>;
    for (const r of reached) for (const s of portfolioStages) if (r[s] !== undefined && r[s]! < ends[i]!) counts[s]++;
    return { day, counts };
  });
}

function nextMidnight(day: LocalDay, timeZone: string) {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return dayStart(new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10), timeZone);
}

/** Adds daily arrival counts up into the cumulative bands (the shape the SQL returns: arrivals per stage per day). */
export function accumulateArrivals(
  before: Record<FlowCategory, number>,
  daily: readonly { day: LocalDay; stage: FlowCategory; arrivals: number }[],
  days: readonly LocalDay[],
): CumulativeFlowDay[] {
  const byDay = new Map<string, number>();
  for (const d of daily) byDay.set(`${d.day}|${d.stage}`, (byDay.get(`${d.day}|${d.stage}`) ?? 0) + d.arrivals);
  const running = { ...before };
  return days.map((day) => {
    for (const s of portfolioStages) running[s] += byDay.get(`${day}|${s}`) ?? 0;
    return { day, counts: { ...running } };
  });
}

export interface Span {
  startedAt: number;
  endedAt: number | null;
}

/** Time (ms) that spans overlap the period; an open span runs until `now`. Spans of different places add up. */
export function overlapMs(spans: readonly Span[], period: { from: number; to: number }, now: number): number {
  let total = 0;
  for (const s of spans) {
    const start = Math.max(s.startedAt, period.from);
    const end = Math.min(s.endedAt ?? now, period.to, now);
    if (end > start) total += end - start;
  }
  return total;
}

/** WIP-limit breaches that touched the period, and the hours spent over a limit within it. */
export function breachSummary(breaches: readonly Span[], period: { from: number; to: number }, now: number) {
  const touching = breaches.filter((b) => b.startedAt < period.to && (b.endedAt === null || b.endedAt > period.from));
  return { count: touching.length, hoursOver: Math.round((overlapMs(touching, period, now) / 3_600_000) * 10) / 10 };
}

/** One change to a card that matters for flow: where it went, or whether it became blocked. */
export type FlowEvent = { at: number; stage: FlowCategory } | { at: number; blocked: boolean };

export interface FlowEfficiency {
  activeMs: number;
  waitingMs: number;
  blockedMs: number;
  /** active ÷ (active + waiting + blocked), or null when no time was in process. */
  efficiency: number | null;
}

/**
 * How a card's time in process was spent between `start` and `end`: active while in an in-progress stage and not
 * blocked; blocked whenever blocked; waiting otherwise (in a to-do stage again, or a stage before it).
 */
export function flowEfficiency(events: readonly FlowEvent[], start: number, end: number): FlowEfficiency {
  const sorted = [...events].sort((a, b) => a.at - b.at);
  let stage: FlowCategory | null = null;
  let blocked = false;
  let at = start;
  const totals = { activeMs: 0, waitingMs: 0, blockedMs: 0 };
  const add = (until: number) => {
    const from = Math.max(at, start);
    const to = Math.min(until, end);
    if (to > from && stage !== null && stage !== 'DONE') {
      if (blocked) totals.blockedMs += to - from;
      else if (stage === 'IN_PROGRESS') totals.activeMs += to - from;
      else totals.waitingMs += to - from;
    }
    at = Math.max(at, until);
  };
  for (const e of sorted) {
    add(e.at);
    if ('stage' in e) stage = e.stage;
    else blocked = e.blocked;
  }
  add(end);
  const total = totals.activeMs + totals.waitingMs + totals.blockedMs;
  return { ...totals, efficiency: total > 0 ? totals.activeMs / total : null };
}
