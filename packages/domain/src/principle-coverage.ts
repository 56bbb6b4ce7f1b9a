// How a period's work spreads over the manifesto's principles: buckets of time, and which principles lie fallow.
import { addDays, weekStart, type LocalDay } from './local-days';

/** "Lately": a principle counts as worked on when a card tagged with it finished in the period's last 28 days or is in progress now. */
export const RECENT_DAYS = 28;

export type Bucket = 'week' | 'month';

/**
 * The first day of each bucket that overlaps the period, the first one clipped to `from`: weeks start on Monday,
 * months on the 1st. Bucket i covers its start up to the day before the next start (or `to`).
 */
export function bucketStarts(from: LocalDay, to: LocalDay, bucket: Bucket): LocalDay[] {
  const starts = [from];
  let next = bucket === 'week' ? addDays(weekStart(from), 7) : nextMonth(from);
  while (next <= to) {
    starts.push(next);
    next = bucket === 'week' ? addDays(next, 7) : nextMonth(next);
  }
  return starts;
}

function nextMonth(day: LocalDay): LocalDay {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The first day of the "lately" window for a period ending on `to`, never before the period starts. */
export function recentFrom(from: LocalDay, to: LocalDay): LocalDay {
  const start = addDays(to, -(RECENT_DAYS - 1));
  return start < from ? from : start;
}

/** Neglected: no card tagged with the principle finished lately and none is in progress now. */
export function isNeglected(p: { finishedRecently: number; inProgressNow: number }): boolean {
  return p.finishedRecently === 0 && p.inProgressNow === 0;
}
