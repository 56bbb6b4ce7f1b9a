const DAY = 86_400_000;
/** Steps a day axis may take, in days: a tick every day, two days, a week, two weeks, four weeks, thirteen weeks. */
const steps = [1, 2, 7, 14, 28, 91];

/**
 * Ticks for a time axis over whole UTC days: at most `most` of them, a whole number of days apart, none on the axis's
 * first day (where its label would hang off the chart's left edge). Weekly and longer steps fall on Mondays.
 */
export function dayTicks(fromMs: number, toMs: number, most: number): number[] {
  const from = Math.floor(fromMs / DAY);
  const to = Math.floor(toMs / DAY);
  const span = to - from;
  if (span < 1 || most < 1) return [];
  const step = steps.find((s) => Math.ceil(span / s) <= most) ?? Math.ceil(span / most);
  // Day 0 (1 January 1970) was a Thursday, so day 4 was a Monday.
  const anchor = step >= 7 ? 4 : 0;
  let first = from + 1 + ((((anchor - (from + 1)) % step) + step) % step);
  const ticks: number[] = [];
  for (; first <= to; first += step) ticks.push(first * DAY);
  return ticks;
}

/** "3 Nov", read in UTC so it never shifts a day. */
export const dayLabel = (ms: number) =>
  new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
