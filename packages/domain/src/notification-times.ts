// When notification mail and reminders fall due. A digest goes out once a day at the hour a person chose on their
// own wall clock; a reminder speaks of the card's due day as seen in the person's time zone.
import { addDays, daysBetween, localDay, offsetAt, type LocalDay } from './local-days';

const HOUR_MS = 3_600_000;

/** The instant a local day reaches the hour in the zone (across a clock change, the first such instant). */
export function localHourAt(day: LocalDay, hour: number, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, hour);
  const at = guess - offsetAt(guess, timeZone);
  const again = guess - offsetAt(at, timeZone);
  return Math.min(at, again);
}

/**
 * The newest digest time at or before `now`: today's hour in the zone when it has come, else yesterday's. What
 * arrived before it and has not been mailed belongs in the digest sent then.
 */
export function lastDigestAt(now: number, timeZone: string, hour: number): number {
  const today = localDay(now, timeZone);
  const at = localHourAt(today, hour, timeZone);
  return at <= now ? at : localHourAt(addDays(today, -1), hour, timeZone);
}

/**
 * The day a card is due. A due date given as a calendar day is stored as that day's midnight in UTC and means
 * that day wherever one is; a due date with a time means the day it falls on in the zone.
 */
export function dueDayOf(due: number, timeZone: string): LocalDay {
  return due % (24 * HOUR_MS) === 0 ? new Date(due).toISOString().slice(0, 10) : localDay(due, timeZone);
}

export type DueReminder = 'due.tomorrow' | 'due.today' | 'due.passed';

/** Which reminder a card due then calls for now, in the zone; null when it is further off. */
export function dueReminder(due: number, now: number, timeZone: string): DueReminder | null {
  const days = daysBetween(localDay(now, timeZone), dueDayOf(due, timeZone));
  return days === 1 ? 'due.tomorrow' : days === 0 ? 'due.today' : days < 0 ? 'due.passed' : null;
}
