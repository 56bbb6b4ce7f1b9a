// Calendar days in a time zone. Flow charts count calendar days where the team works (a card started late on
// Monday in Berlin and finished early on Tuesday took two days there, whatever UTC says), and a day or week
// starts at local midnight, which moves against UTC when clocks change.

/** A calendar day written YYYY-MM-DD. */
export type LocalDay = string;

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the name is an IANA time zone this runtime knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

function parts(ms: number, timeZone: string) {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  return {
    y: Number(p.year),
    m: Number(p.month),
    d: Number(p.day),
    h: Number(p.hour),
    min: Number(p.minute),
    s: Number(p.second),
  };
}

/** The calendar day an instant falls on in the time zone. */
export function localDay(ms: number, timeZone: string): LocalDay {
  const { y, m, d } = parts(ms, timeZone);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
export function offsetAt(ms: number, timeZone: string) {
  const { y, m, d, h, min, s } = parts(ms, timeZone);
  return Date.UTC(y, m - 1, d, h, min, s) - (ms - (ms % 1000));
}

function utcMidnight(day: LocalDay) {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** The instant a wall-clock time (`HH:MM`, 24-hour) happens on a day in the time zone, clock changes included. */
export function timeOnDay(day: LocalDay, time: string, timeZone: string): number {
  const [h, min] = time.split(':').map(Number) as [number, number];
  const guess = utcMidnight(day) + (h * 60 + min) * 60_000;
  let at = guess - offsetAt(guess, timeZone);
  // Across a clock change the offset at the guess differs from the offset at the answer: correct once.
  const again = guess - offsetAt(at, timeZone);
  if (again !== at && localDay(again, timeZone) === day) at = again;
  return at;
}

/** The instant the day starts (local midnight) in the time zone. */
export function dayStart(day: LocalDay, timeZone: string): number {
  return timeOnDay(day, '00:00', timeZone);
}

/** The instant the day ends in the time zone: the next day's start. */
export function dayEnd(day: LocalDay, timeZone: string): number {
  return dayStart(addDays(day, 1), timeZone);
}

export function addDays(day: LocalDay, n: number): LocalDay {
  return new Date(utcMidnight(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (b - a). */
export function daysBetween(a: LocalDay, b: LocalDay): number {
  return Math.round((utcMidnight(b) - utcMidnight(a)) / DAY_MS);
}

/** Every day from `from` to `to`, both included. */
export function daysInRange(from: LocalDay, to: LocalDay): LocalDay[] {
  const n = daysBetween(from, to);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addDays(from, i));
}

export function isWeekend(day: LocalDay): boolean {
  const weekday = new Date(utcMidnight(day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Monday to Friday from `first` to `last`; every day when the span has no weekday at all. */
export function workingDays(first: LocalDay, last: LocalDay): LocalDay[] {
  const all = daysInRange(first, last);
  const weekdays = all.filter((d) => !isWeekend(d));
  return weekdays.length ? weekdays : all;
}

/** The Monday of the day's week. */
export function weekStart(day: LocalDay): LocalDay {
  const weekday = (new Date(utcMidnight(day)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Calendar days from start to finish as a person counts them: started and finished on the same day is 1. */
export function calendarDays(startMs: number, endMs: number, timeZone: string): number {
  return daysBetween(localDay(startMs, timeZone), localDay(endMs, timeZone)) + 1;
}

/** Whether the string is a real calendar day written YYYY-MM-DD. */
export function isLocalDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return new Date(utcMidnight(value)).toISOString().slice(0, 10) === value;
}
