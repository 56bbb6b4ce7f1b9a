import { describe, expect, it } from 'vitest';
import { dayLabel, dayTicks } from './day-ticks';

const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
const labels = (from: string, to: string, most: number) => dayTicks(day(from), day(to), most).map(dayLabel);

describe('dayTicks', () => {
  it('puts no tick on the first day, where its label would hang off the left edge', () => {
    expect(labels('2026-11-01', '2026-11-06', 8)).toEqual(['2 Nov', '3 Nov', '4 Nov', '5 Nov', '6 Nov']);
  });

  it('keeps to the number of ticks asked for, a whole number of days apart', () => {
    const ticks = dayTicks(day('2026-09-01'), day('2026-11-30'), 6);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    const gaps = new Set(ticks.slice(1).map((t, i) => t - ticks[i]!));
    expect(gaps.size).toBe(1);
    expect(ticks[0]).toBeGreaterThan(day('2026-09-01'));
  });

  it('puts weekly ticks on Mondays', () => {
    expect(labels('2026-10-28', '2026-11-30', 6)).toEqual(['2 Nov', '9 Nov', '16 Nov', '23 Nov', '30 Nov']);
    for (const t of dayTicks(day('2026-10-28'), day('2026-11-30'), 6)) expect(new Date(t).getUTCDay()).toBe(1);
  });

  it('has nothing to mark on an axis of one day', () => {
    expect(dayTicks(day('2026-11-01'), day('2026-11-01'), 6)).toEqual([]);
  });
});
