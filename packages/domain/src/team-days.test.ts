import { describe, expect, it } from 'vitest';
import { dayOf, endOfDay, isTimeZone, startOfDay, workingDays } from './team-days';

describe('team days', () => {
  it('starts a day at local midnight in the team’s zone', () => {
    expect(new Date(startOfDay('2026-12-01', 'UTC')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(new Date(startOfDay('2026-12-01', 'Europe/Berlin')).toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(new Date(startOfDay('2026-07-01', 'America/New_York')).toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(new Date(endOfDay('2026-12-01', 'Asia/Tokyo')).toISOString()).toBe('2026-12-01T15:00:00.000Z');
  });

  it('finds the right day on either side of a zone’s midnight', () => {
    expect(dayOf(Date.parse('2026-11-30T23:30:00Z'), 'Europe/Berlin')).toBe('2026-12-01');
    expect(dayOf(Date.parse('2026-11-30T23:30:00Z'), 'UTC')).toBe('2026-11-30');
    expect(dayOf(Date.parse('2026-12-01T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-30');
  });

  it('keeps days whole across a change of the clocks', () => {
    // Berlin moves to summer time on 29 March 2026: that day has 23 hours.
    expect(endOfDay('2026-03-29', 'Europe/Berlin') - startOfDay('2026-03-29', 'Europe/Berlin')).toBe(23 * 3600_000);
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
