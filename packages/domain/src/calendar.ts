// The marketing calendar: cards on the days they span. A day is written YYYY-MM-DD; a card's dates are read as the
// calendar days they were given as (a day entered in the card panel is stored at the start of that day, UTC).

/** A calendar day written YYYY-MM-DD. */
export type CalendarDay = string;

/** The longest range one request may read: six weeks, the most a month view shows (Monday-first weeks). */
export const MAX_CALENDAR_DAYS = 42;

const DAY_MS = 86_400_000;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

const toMs = (day: CalendarDay) => Date.parse(`${day}T00:00:00Z`);
const fromMs = (ms: number): CalendarDay => new Date(ms).toISOString().slice(0, 10);

/** Whether the text is a real calendar day (2026-02-30 is not). */
export function isCalendarDay(text: string): boolean {
  return dayPattern.test(text) && !Number.isNaN(toMs(text)) && fromMs(toMs(text)) === text;
}

/** The day `n` days after (or before, when negative) the given one. */
export const addDays = (day: CalendarDay, n: number): CalendarDay => fromMs(toMs(day) + n * DAY_MS);

/** Whole days from `a` to `b` (negative when `b` comes first). */
export const daysBetween = (a: CalendarDay, b: CalendarDay) => Math.round((toMs(b) - toMs(a)) / DAY_MS);

/** The calendar day of a stored instant. */
export const dayOfInstant = (iso: string | Date): CalendarDay => fromMs(new Date(iso).getTime());

/** Day of the week, Monday 0 to Sunday 6. */
export const weekday = (day: CalendarDay) => (new Date(toMs(day)).getUTCDay() + 6) % 7;

/** What is wrong with a range to read, and in which end; null when it may be read. */
export function calendarRangeProblem(
  from: CalendarDay,
  to: CalendarDay,
): { field: 'from' | 'to'; message: string } | null {
  if (!isCalendarDay(from)) return { field: 'from', message: 'must be a date like 2026-12-01' };
  if (!isCalendarDay(to)) return { field: 'to', message: 'must be a date like 2026-12-31' };
  const days = daysBetween(from, to) + 1;
  if (days < 1) return { field: 'to', message: 'must not be before from' };
  if (days > MAX_CALENDAR_DAYS) return { field: 'to', message: `must be at most ${MAX_CALENDAR_DAYS} days after from` };
  return null;
}

/** The days a card covers: from its start (or due) day to its due (or start) day; null for a card with no date. */
export function cardDays(startDate: CalendarDay | null, dueDate: CalendarDay | null) {
  const first = startDate ?? dueDate;
  const last = dueDate ?? startDate;
  return first && last ? { first, last } : null;
}

/** Whether a card's days meet the range (a span that starts before the range and ends in it does). */
export function meetsRange(
  startDate: CalendarDay | null,
  dueDate: CalendarDay | null,
  from: CalendarDay,
  to: CalendarDay,
) {
  const days = cardDays(startDate, dueDate);
  return !!days && days.first <= to && days.last >= from;
}

/** A card's dates moved by whole days: a spanning card keeps its length. */
export function shiftDates<T extends { startDate: CalendarDay | null; dueDate: CalendarDay | null }>(
  dates: T,
  days: number,
): { startDate: CalendarDay | null; dueDate: CalendarDay | null } {
  return {
    startDate: dates.startDate ? addDays(dates.startDate, days) : null,
    dueDate: dates.dueDate ? addDays(dates.dueDate, days) : null,
  };
}

/** The Monday-first weeks a month view shows for the month of `day`: from the Monday on or before the 1st. */
export function monthGrid(day: CalendarDay): { first: CalendarDay; last: CalendarDay; weeks: CalendarDay[][] } {
  const firstOfMonth = `${day.slice(0, 7)}-01`;
  const nextMonth = addDays(firstOfMonth, 31).slice(0, 7);
  const lastOfMonth = addDays(`${nextMonth}-01`, -1);
  const first = addDays(firstOfMonth, -weekday(firstOfMonth));
  const last = addDays(lastOfMonth, 6 - weekday(lastOfMonth));
  const weeks: CalendarDay[][] = [];
  for (let d = first; d <= last; d = addDays(d, 7)) weeks.push(Array.from({ length: 7 }, (_, i) => addDays(d, i)));
  return { first, last, weeks };
}

/** The Monday-first week around `day`. */
export function weekOf(day: CalendarDay): CalendarDay[] {
  const monday = addDays(day, -weekday(day));
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}
