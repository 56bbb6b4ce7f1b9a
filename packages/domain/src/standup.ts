// The daily stand-up: which window "since the last stand-up" covers, and which cards have sat too long in one column.
import { addDays, isWeekend, localDay, timeOnDay } from './local-days';

/** A stand-up time of day, `HH:MM` on a 24-hour clock, in the team's time zone. */
export const standupTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

export const DEFAULT_STANDUP_TIME = '09:30';
export const DEFAULT_AGING_DAYS = 3;
/** The longest window a stand-up view covers: a fortnight's catch-up after a holiday, not a report. */
export const MAX_STANDUP_WINDOW_DAYS = 31;

const DAY_MS = 86_400_000;

/** The instant the stand-up takes place on a calendar day, at the team's local time (clock changes included). */
export function standupOn(day: string, standupTime: string, timeZone: string): number {
  return timeOnDay(day, standupTime, timeZone);
}

/**
 * The window "since the last stand-up" as seen at `now`, for today's meeting: from the stand-up of the working day
 * before today (in the team's zone) up to `now`, whether today's meeting has begun or not. Stand-ups happen Monday
 * to Friday, so on Monday (and over the weekend) the window starts at Friday's stand-up.
 */
export function lastStandupWindow(
  now: number,
  standupTime: string,
  timeZone: string,
): { since: number; until: number } {
  let day = addDays(localDay(now, timeZone), -1);
  while (isWeekend(day)) day = addDays(day, -1);
  return { since: standupOn(day, standupTime, timeZone), until: now };
}

/** Whole days a card has been in its column at `now` (rounded down). */
export function daysInColumn(enteredAt: number, now: number): number {
  return Math.max(0, Math.floor((now - enteredAt) / DAY_MS));
}

/** A card ages when it has been in one column longer than the column's threshold (default 3 days). */
export function isAging(
  enteredAt: number,
  now: number,
  thresholdDays: number | null | undefined = DEFAULT_AGING_DAYS,
): boolean {
  const threshold = thresholdDays ?? DEFAULT_AGING_DAYS;
  return now - enteredAt > threshold * DAY_MS;
}

/** The aging cards, oldest (longest in its column) first; ties in a stable order by id. */
export function agingCards<T extends { id: string; enteredColumnAt: number; agingDays?: number | null }>(
  cards: T[],
  now: number,
): T[] {
  return cards
    .filter((c) => isAging(c.enteredColumnAt, now, c.agingDays))
    .sort((a, b) => a.enteredColumnAt - b.enteredColumnAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Why a picked window is not acceptable, or null. */
export function checkStandupWindow(since: number, until: number): 'since_after_until' | 'window_too_long' | null {
  if (since >= until) return 'since_after_until';
  if (until - since > MAX_STANDUP_WINDOW_DAYS * DAY_MS) return 'window_too_long';
  return null;
}
