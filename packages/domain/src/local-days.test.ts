import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDays,
  dayStart,
  daysInRange,
  isLocalDay,
  isTimeZone,
  localDay,
  weekStart,
} from './local-days';

describe('local days', () => {
  it('puts an instant on the calendar day of the time zone, not of UTC', () => {
    const lateEvening = Date.parse('2026-03-10T23:30:00Z');
    expect(localDay(lateEvening, 'UTC')).toBe('2026-03-10');
    expect(localDay(lateEvening, 'Europe/Berlin')).toBe('2026-03-11');
    expect(localDay(lateEvening, 'America/New_York')).toBe('2026-03-10');
  });

  it('starts a day at local midnight, also on the days clocks change', () => {
    expect(new Date(dayStart('2026-01-15', 'Europe/Berlin')).toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(new Date(dayStart('2026-07-15', 'Europe/Berlin')).toISOString()).toBe('2026-07-14T22:00:00.000Z');
    // Clocks go forward on 29 March 2026 at 02:00 in Berlin: the day still starts at 00:00 CET.
    expect(new Date(dayStart('2026-03-29', 'Europe/Berlin')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(dayStart('2026-03-30', 'Europe/Berlin')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(new Date(dayStart('2026-11-01', 'America/New_York')).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(new Date(dayStart('2026-11-02', 'America/New_York')).toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });

  it('counts calendar days as people do: same day is 1, across midnight in the zone is 2', () => {
    const start = Date.parse('2026-03-10T21:00:00Z');
    const end = Date.parse('2026-03-10T23:30:00Z');
    expect(calendarDays(start, end, 'UTC')).toBe(1);
    expect(calendarDays(start, end, 'Europe/Berlin')).toBe(2);
    expect(calendarDays(Date.parse('2026-03-01T10:00:00Z'), Date.parse('2026-03-08T09:00:00Z'), 'UTC')).toBe(8);
  });

  it('walks days and weeks', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(daysInRange('2026-03-28', '2026-03-31')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
    expect(daysInRange('2026-03-31', '2026-03-28')).toEqual([]);
    expect(weekStart('2026-11-26')).toBe('2026-11-23');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-11-22')).toBe('2026-11-16');
  });

  it('knows time zone names and real days', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isLocalDay('2026-02-29')).toBe(false);
    expect(isLocalDay('2028-02-29')).toBe(true);
    expect(isLocalDay('26-1-1')).toBe(false);
  });
});
