// Calendar days in a team's time zone: where a day begins and ends, which days are working days.

import { localDay, offsetAt } from './local-days';

// The wall clock of a zone is read in one place (local-days.ts); these are its names in the team's calendar.
export { isTimeZone, offsetAt } from './local-days';

/** The calendar day (`YYYY-MM-DD`) an instant falls on in the zone. */
export const dayOf = (ms: number, timeZone: string): string => localDay(ms, timeZone);

/** The instant a calendar day begins in the zone (its local midnight). */
export function startOfDay(day: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const first = utcMidnight - offsetAt(utcMidnight, timeZone);
  // Once more with the offset in force at the first guess, for days on which the clocks change.
  return utcMidnight - offsetAt(first, timeZone);
}

export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The instant a calendar day ends in the zone: the start of the next. */
export function endOfDay(day: string, timeZone: string): number {
  return startOfDay(nextDay(day), timeZone);
}

export function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The days from `first` to `last`, both included. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let d = first; d <= last && days.length < 3660; d = nextDay(d)) days.push(d);
  return days;
}

/** Monday to Friday from `first` to `last`; every day when the span has no weekday at all. */
export function workingDays(first: string, last: string): string[] {
  const all = daysBetween(first, last);
  const weekdays = all.filter((d) => !isWeekend(d));
  return weekdays.length ? weekdays : all;
}
