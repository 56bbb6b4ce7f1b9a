import { describe, expect, it } from 'vitest';
import { dueDayOf, dueReminder, lastDigestAt, localHourAt } from './notification-times';

const at = (iso: string) => Date.parse(iso);

describe('digest times', () => {
  it('is today’s hour once it has come, else yesterday’s, on the person’s wall clock', () => {
    // 07:00 in Berlin is 06:00 UTC in winter.
    expect(lastDigestAt(at('2026-12-07T06:30:00Z'), 'Europe/Berlin', 7)).toBe(at('2026-12-07T06:00:00Z'));
    expect(lastDigestAt(at('2026-12-07T05:59:59Z'), 'Europe/Berlin', 7)).toBe(at('2026-12-06T06:00:00Z'));
    expect(lastDigestAt(at('2026-12-07T06:00:00Z'), 'Europe/Berlin', 7)).toBe(at('2026-12-07T06:00:00Z'));
    // New York, 08:00 local: 13:00 UTC in winter; the UTC day has already turned.
    expect(lastDigestAt(at('2026-12-08T02:00:00Z'), 'America/New_York', 8)).toBe(at('2026-12-07T13:00:00Z'));
  });

  it('follows the clock change', () => {
    // Berlin moves to summer time on 29 March 2026: 08:00 is 07:00 UTC before and 06:00 UTC after.
    expect(localHourAt('2026-03-28', 8, 'Europe/Berlin')).toBe(at('2026-03-28T07:00:00Z'));
    expect(localHourAt('2026-03-29', 8, 'Europe/Berlin')).toBe(at('2026-03-29T06:00:00Z'));
  });
});

describe('due-date reminders', () => {
  it('reads a calendar day as that day everywhere, and a time as its day in the zone', () => {
    expect(dueDayOf(at('2026-12-08T00:00:00Z'), 'America/New_York')).toBe('2026-12-08');
    expect(dueDayOf(at('2026-12-08T03:00:00Z'), 'America/New_York')).toBe('2026-12-07');
    expect(dueDayOf(at('2026-12-08T23:30:00Z'), 'Pacific/Kiritimati')).toBe('2026-12-09');
  });

  it('says tomorrow, today or passed by the zone’s calendar', () => {
    const due = at('2026-12-08T00:00:00Z');
    expect(dueReminder(due, at('2026-12-06T12:00:00Z'), 'UTC')).toBeNull();
    expect(dueReminder(due, at('2026-12-07T12:00:00Z'), 'UTC')).toBe('due.tomorrow');
    expect(dueReminder(due, at('2026-12-08T00:00:00Z'), 'UTC')).toBe('due.today');
    expect(dueReminder(due, at('2026-12-09T00:00:00Z'), 'UTC')).toBe('due.passed');
    // 23:00 UTC on the 6th is already the 7th in Berlin: the card is due tomorrow there, not yet in UTC.
    expect(dueReminder(due, at('2026-12-06T23:30:00Z'), 'Europe/Berlin')).toBe('due.tomorrow');
    expect(dueReminder(due, at('2026-12-06T23:30:00Z'), 'UTC')).toBeNull();
  });
});
