import { describe, expect, it } from 'vitest';
import { agingCards, checkStandupWindow, daysInColumn, isAging, lastStandupWindow, standupOn } from './standup';

const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);

describe('stand-up time', () => {
  it('places the stand-up at the team’s local time', () => {
    expect(iso(standupOn('2026-12-01', '09:30', 'UTC'))).toBe('2026-12-01T09:30:00.000Z');
    expect(iso(standupOn('2026-12-01', '09:30', 'Europe/Berlin'))).toBe('2026-12-01T08:30:00.000Z');
    expect(iso(standupOn('2026-07-01', '09:30', 'Europe/Berlin'))).toBe('2026-07-01T07:30:00.000Z');
    expect(iso(standupOn('2026-12-01', '09:00', 'America/Los_Angeles'))).toBe('2026-12-01T17:00:00.000Z');
    expect(iso(standupOn('2026-12-01', '09:00', 'Asia/Kolkata'))).toBe('2026-12-01T03:30:00.000Z');
  });

  it('keeps the local time on the day the clocks change', () => {
    // Berlin moves to summer time at 02:00 on 29 March 2026.
    expect(iso(standupOn('2026-03-29', '09:30', 'Europe/Berlin'))).toBe('2026-03-29T07:30:00.000Z');
    expect(iso(standupOn('2026-03-28', '09:30', 'Europe/Berlin'))).toBe('2026-03-28T08:30:00.000Z');
  });
});

describe('since the last stand-up', () => {
  it('on a Wednesday, before or after the meeting, covers since Tuesday’s stand-up', () => {
    // 2 December 2026 is a Wednesday.
    const after = lastStandupWindow(at('2026-12-02T10:00:00Z'), '09:30', 'UTC');
    expect(iso(after.since)).toBe('2026-12-01T09:30:00.000Z');
    expect(iso(after.until)).toBe('2026-12-02T10:00:00.000Z');
    expect(iso(lastStandupWindow(at('2026-12-02T08:00:00Z'), '09:30', 'UTC').since)).toBe('2026-12-01T09:30:00.000Z');
  });

  it('on Monday, covers since Friday’s stand-up', () => {
    // 7 December 2026 is a Monday.
    expect(iso(lastStandupWindow(at('2026-12-07T09:35:00Z'), '09:30', 'UTC').since)).toBe('2026-12-04T09:30:00.000Z');
    expect(iso(lastStandupWindow(at('2026-12-07T07:00:00Z'), '09:30', 'UTC').since)).toBe('2026-12-04T09:30:00.000Z');
  });

  it('over the weekend, covers since Friday’s stand-up, as Monday will', () => {
    expect(iso(lastStandupWindow(at('2026-12-05T12:00:00Z'), '09:30', 'UTC').since)).toBe('2026-12-04T09:30:00.000Z');
    expect(iso(lastStandupWindow(at('2026-12-06T23:00:00Z'), '09:30', 'UTC').since)).toBe('2026-12-04T09:30:00.000Z');
  });

  it('counts the days in the team’s zone, not in UTC', () => {
    // Monday 09:15 in Sydney is Sunday 22:15 UTC: already Monday there, so since Friday 09:00 Sydney time
    // (summer time, UTC+11), which is Thursday 22:00 UTC.
    expect(iso(lastStandupWindow(at('2026-12-06T22:15:00Z'), '09:00', 'Australia/Sydney').since)).toBe(
      '2026-12-03T22:00:00.000Z',
    );
    // Tuesday 02:00 UTC is still Monday evening in Los Angeles: since Friday 09:00 there (17:00 UTC).
    expect(iso(lastStandupWindow(at('2026-12-08T02:00:00Z'), '09:00', 'America/Los_Angeles').since)).toBe(
      '2026-12-04T17:00:00.000Z',
    );
    // The same instant in UTC is already Tuesday: since Monday's stand-up.
    expect(iso(lastStandupWindow(at('2026-12-08T02:00:00Z'), '09:00', 'UTC').since)).toBe('2026-12-07T09:00:00.000Z');
  });

  it('refuses a picked window that is backwards or too long', () => {
    expect(checkStandupWindow(at('2026-12-02T00:00:00Z'), at('2026-12-01T00:00:00Z'))).toBe('since_after_until');
    expect(checkStandupWindow(at('2026-12-01T00:00:00Z'), at('2026-12-01T00:00:00Z'))).toBe('since_after_until');
    expect(checkStandupWindow(at('2026-10-01T00:00:00Z'), at('2026-12-01T00:00:00Z'))).toBe('window_too_long');
    expect(checkStandupWindow(at('2026-11-01T00:00:00Z'), at('2026-12-01T00:00:00Z'))).toBeNull();
  });
});

describe('aging cards', () => {
  const now = at('2026-12-10T12:00:00Z');

  it('a card ages after more than the threshold in one column (3 days unless the column says otherwise)', () => {
    expect(isAging(at('2026-12-07T12:00:00Z'), now)).toBe(false);
    expect(isAging(at('2026-12-07T11:59:00Z'), now)).toBe(true);
    expect(isAging(at('2026-12-07T11:59:00Z'), now, null)).toBe(true);
    expect(isAging(at('2026-12-07T11:59:00Z'), now, 5)).toBe(false);
    expect(isAging(at('2026-12-10T00:00:00Z'), now, 0)).toBe(true);
    expect(daysInColumn(at('2026-12-06T13:00:00Z'), now)).toBe(3);
  });

  it('lists the aging cards oldest first', () => {
    const cards = [
      { id: 'b', enteredColumnAt: at('2026-12-05T00:00:00Z') },
      { id: 'fresh', enteredColumnAt: at('2026-12-09T00:00:00Z') },
      { id: 'a', enteredColumnAt: at('2026-12-01T00:00:00Z') },
      { id: 'c', enteredColumnAt: at('2026-12-08T00:00:00Z'), agingDays: 1 },
    ];
    expect(agingCards(cards, now).map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });
});
