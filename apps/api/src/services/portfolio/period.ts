import { addDays, dayStart, daysInRange, type LocalDay } from '@amb/domain/local-days';

/** A period of local days as instants: from the first day's local midnight to the midnight after the last. */
export function periodBounds(q: { from: LocalDay; to: LocalDay; tz: string }) {
  const fromMs = dayStart(q.from, q.tz);
  const toMs = dayStart(addDays(q.to, 1), q.tz);
  return {
    fromMs,
    toMs,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    days: daysInRange(q.from, q.to),
  };
}

/**
 * The instants each local day from `first` to `last` starts, plus the instant after `last` ends. With `width_bucket(at, bounds)` the database puts a time on its local day by binary
 * search (bucket 0 before `first`, i for the i-th day), cheaper than converting every row's time zone.
 */
export function dayBoundaries(first: LocalDay, last: LocalDay, tz: string): string[] {
  return [...daysInRange(first, last), addDays(last, 1)].map((d) => new Date(dayStart(d, tz)).toISOString());
}

/** SQL for the local calendar day of an instant column; `tzParam` is the placeholder of the time zone's name. */
export const localDateSql = (column: string, tzParam: string) => `(${column} AT TIME ZONE ${tzParam})::date`;

/** SQL for an ISO 8601 instant parameter. */
export const utcParam = (param: string) => `${param}::timestamptz`;

/** SQL for an instant column as epoch milliseconds. */
export const epochMsSql = (column: string) => `(EXTRACT(EPOCH FROM ${column}) * 1000)::float8`;
