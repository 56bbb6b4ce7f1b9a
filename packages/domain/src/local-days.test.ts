import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDays,
  dayEnd,
  dayStart,
  daysInRange,
  isLocalDay,
  isTimeZone,
  localDay,
  weekStart,
  workingDays,
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

describe('a team’s days', () => {
  it('starts a day at local midnight in the team’s zone', () => {
    expect(new Date(dayStart('2026-12-01', 'UTC')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(new Date(dayStart('2026-12-01', 'Europe/Berlin')).toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(new Date(dayStart('2026-07-01', 'America/New_York')).toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(new Date(dayEnd('2026-12-01', 'Asia/Tokyo')).toISOString()).toBe('2026-12-01T15:00:00.000Z');
  });

  it('finds the right day on either side of a zone’s midnight', () => {
    expect(localDay(Date.parse('2026-11-30T23:30:00Z'), 'Europe/Berlin')).toBe('2026-12-01');
    expect(localDay(Date.parse('2026-11-30T23:30:00Z'), 'UTC')).toBe('2026-11-30');
    expect(localDay(Date.parse('2026-12-01T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-30');
  });

  it('keeps days whole across a change of the clocks', () => {
    // Berlin moves to summer time on 29 March 2026: that day has 23 hours.
    expect(dayEnd('2026-03-29', 'Europe/Berlin') - dayStart('2026-03-29', 'Europe/Berlin')).toBe(23 * 3600_000);
  });

  it('counts Monday to Friday as working days', () => {
    // 2026-12-04 is a Friday.
    expect(workingDays('2026-12-04', '2026-12-08')).toEqual(['2026-12-04', '2026-12-07', '2026-12-08']);
    expect(workingDays('2026-12-05', '2026-12-06')).toEqual(['2026-12-05', '2026-12-06']);
  });

  it('knows real time zones from made-up ones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
