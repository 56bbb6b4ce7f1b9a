import { describe, expect, it } from 'vitest';
import {
  accumulateArrivals,
  breachSummary,
  cumulativeFlow,
  firstArrivals,
  flowEfficiency,
  overlapMs,
  percentile,
  percentileOfCounts,
  reachedStages,
} from './flow-metrics';
import { daysInRange } from './local-days';

const at = (iso: string) => Date.parse(iso);
const H = 3_600_000;

describe('percentile (nearest rank)', () => {
  it('is always one of the values, the smallest that p% do not exceed', () => {
    const days = [1, 2, 2, 3, 4, 5, 6, 8, 9, 14];
    expect(percentile(days, 50)).toBe(4);
    expect(percentile(days, 85)).toBe(9);
    expect(percentile(days, 95)).toBe(14);
    expect(percentile(days, 100)).toBe(14);
    expect(percentile(days, 0)).toBe(1);
  });
  it('does not care about order and has no value for no data', () => {
    expect(percentile([9, 1, 5], 50)).toBe(5);
    expect(percentile([7], 85)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('percentile of a histogram', () => {
  it('agrees with the percentile of the values it counts', () => {
    const values = [1, 1, 1, 2, 3, 3, 5, 8, 8, 8, 8, 13, 21];
    const histogram = [...new Set(values)]
      .reverse()
      .map((value) => ({ value, count: values.filter((v) => v === value).length }));
    for (const p of [0, 10, 50, 70, 85, 95, 100])
      expect(percentileOfCounts(histogram, p), `p${p}`).toBe(percentile(values, p));
    expect(percentileOfCounts([], 50)).toBeNull();
    expect(percentileOfCounts([{ value: 4, count: 0 }], 50)).toBeNull();
  });
});

describe('cumulative flow', () => {
  it('counts a card that moves back and forth once per stage, at its first arrival', () => {
    const first = firstArrivals([
      { at: at('2026-03-02T09:00:00Z'), stage: 'TODO' },
      { at: at('2026-03-03T09:00:00Z'), stage: 'IN_PROGRESS' },
      { at: at('2026-03-04T09:00:00Z'), stage: 'TODO' },
      { at: at('2026-03-05T09:00:00Z'), stage: 'IN_PROGRESS' },
      { at: at('2026-03-06T09:00:00Z'), stage: 'DONE' },
      { at: at('2026-03-07T09:00:00Z'), stage: 'IN_PROGRESS' },
      { at: at('2026-03-08T09:00:00Z'), stage: 'DONE' },
    ]);
    expect(first).toEqual({
      TODO: at('2026-03-02T09:00:00Z'),
      IN_PROGRESS: at('2026-03-03T09:00:00Z'),
      DONE: at('2026-03-06T09:00:00Z'),
    });
    const cfd = cumulativeFlow([first], daysInRange('2026-03-01', '2026-03-09'), 'UTC');
    expect(cfd.map((d) => d.counts.TODO)).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(cfd.map((d) => d.counts.IN_PROGRESS)).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 1]);
    expect(cfd.map((d) => d.counts.DONE)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1]);
  });

  it('counts a card that skipped a stage as having passed it, so bands never cross', () => {
    expect(reachedStages({ BACKLOG: 10, DONE: 30 })).toEqual({ BACKLOG: 10, TODO: 30, IN_PROGRESS: 30, DONE: 30 });
    const cfd = cumulativeFlow(
      [{ TODO: at('2026-03-02T09:00:00Z'), DONE: at('2026-03-03T09:00:00Z') }, { BACKLOG: at('2026-03-01T09:00:00Z') }],
      daysInRange('2026-03-01', '2026-03-03'),
      'UTC',
    );
    expect(cfd[2]!.counts).toEqual({ BACKLOG: 2, TODO: 1, IN_PROGRESS: 1, DONE: 1 });
    for (const d of cfd)
      expect(
        d.counts.BACKLOG >= d.counts.TODO &&
          d.counts.TODO >= d.counts.IN_PROGRESS &&
          d.counts.IN_PROGRESS >= d.counts.DONE,
      ).toBe(true);
  });

  it('ends each day at local midnight of the time zone', () => {
    const lateInUtc = { DONE: at('2026-03-02T23:30:00Z') };
    expect(cumulativeFlow([lateInUtc], ['2026-03-02'], 'UTC')[0]!.counts.DONE).toBe(1);
    expect(cumulativeFlow([lateInUtc], ['2026-03-02'], 'Europe/Berlin')[0]!.counts.DONE).toBe(0);
  });

  it('adds daily arrivals onto what came before the range', () => {
    const rows = accumulateArrivals(
      { BACKLOG: 5, TODO: 3, IN_PROGRESS: 2, DONE: 1 },
      [
        { day: '2026-03-02', stage: 'DONE', arrivals: 2 },
        { day: '2026-03-01', stage: 'TODO', arrivals: 1 },
      ],
      ['2026-03-01', '2026-03-02'],
    );
    expect(rows).toEqual([
      { day: '2026-03-01', counts: { BACKLOG: 5, TODO: 4, IN_PROGRESS: 2, DONE: 1 } },
      { day: '2026-03-02', counts: { BACKLOG: 5, TODO: 4, IN_PROGRESS: 2, DONE: 3 } },
    ]);
  });
});

describe('WIP-limit breaches', () => {
  const period = { from: at('2026-03-01T00:00:00Z'), to: at('2026-03-08T00:00:00Z') };
  const now = at('2026-03-10T00:00:00Z');

  it('counts only the part of each breach inside the period, and open breaches until now', () => {
    expect(
      overlapMs([{ startedAt: at('2026-02-28T22:00:00Z'), endedAt: at('2026-03-01T03:00:00Z') }], period, now),
    ).toBe(3 * H);
    expect(overlapMs([{ startedAt: at('2026-03-07T20:00:00Z'), endedAt: null }], period, now)).toBe(4 * H);
    expect(
      overlapMs(
        [{ startedAt: at('2026-03-07T20:00:00Z'), endedAt: null }],
        { ...period, to: now + 10 * H },
        at('2026-03-07T21:30:00Z'),
      ),
    ).toBe(1.5 * H);
  });

  it('counts the breaches that touched the period and sums their hours over the limit', () => {
    const summary = breachSummary(
      [
        { startedAt: at('2026-02-20T00:00:00Z'), endedAt: at('2026-02-21T00:00:00Z') }, // before
        { startedAt: at('2026-03-02T10:00:00Z'), endedAt: at('2026-03-02T12:30:00Z') },
        { startedAt: at('2026-03-02T11:00:00Z'), endedAt: at('2026-03-02T12:00:00Z') }, // another column, same time
        { startedAt: at('2026-03-08T00:00:00Z'), endedAt: null }, // starts as the period ends
      ],
      period,
      now,
    );
    expect(summary).toEqual({ count: 2, hoursOver: 3.5 });
  });
});

describe('flow efficiency', () => {
  const start = at('2026-03-02T00:00:00Z');

  it('splits time in process into active, waiting and blocked', () => {
    const result = flowEfficiency(
      [
        { at: start, stage: 'IN_PROGRESS' },
        { at: start + 2 * H, blocked: true },
        { at: start + 5 * H, blocked: false },
        { at: start + 6 * H, stage: 'TODO' },
        { at: start + 10 * H, stage: 'IN_PROGRESS' },
        { at: start + 12 * H, stage: 'DONE' },
      ],
      start,
      start + 12 * H,
    );
    expect(result).toEqual({ activeMs: 5 * H, waitingMs: 4 * H, blockedMs: 3 * H, efficiency: 5 / 12 });
  });

  it('reads events before the start for the state, counts nothing outside [start, end], and none for no time', () => {
    const result = flowEfficiency(
      [
        { at: start - 5 * H, stage: 'IN_PROGRESS' },
        { at: start - H, blocked: true },
        { at: start + H, blocked: false },
      ],
      start,
      start + 4 * H,
    );
    expect(result).toEqual({ activeMs: 3 * H, waitingMs: 0, blockedMs: H, efficiency: 0.75 });
    expect(flowEfficiency([], start, start).efficiency).toBeNull();
  });
});
