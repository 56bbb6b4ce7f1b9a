import { describe, expect, it } from 'vitest';
import { blockedTime, blockSpans, clearedObstacles, timeToClearByWeek, type BlockingEvent } from './blocked-time';

const H = 3_600_000;
const t0 = Date.parse('2026-03-02T00:00:00Z'); // a Monday
let seq = 0;
const ev = (
  cardId: string,
  hour: number,
  kind: BlockingEvent['kind'],
  category: string | null = 'legal_compliance',
  teamId = 'marketing',
): BlockingEvent => ({
  cardId,
  teamId,
  at: t0 + hour * H,
  kind,
  category,
  seq: seq++,
});
const hours = (rows: ReturnType<typeof blockedTime>) =>
  Object.fromEntries(rows.map((r) => [`${r.teamId}/${r.category}`, r.ms / H]));

describe('blocked time per team and category', () => {
  const period = { from: t0, to: t0 + 100 * H };
  const now = t0 + 1000 * H;

  it('adds up each card’s blocks within the period', () => {
    const rows = blockedTime(
      [
        ev('a', 10, 'blocked'),
        ev('a', 15, 'unblocked'),
        ev('b', 20, 'blocked', 'vendor'),
        ev('b', 22, 'unblocked', 'vendor'),
        ev('c', 30, 'blocked'),
        ev('c', 33, 'unblocked'),
      ],
      period,
      now,
    );
    expect(hours(rows)).toEqual({ 'marketing/legal_compliance': 8, 'marketing/vendor': 2 });
    expect(rows.find((r) => r.category === 'legal_compliance')!.cards).toBe(2);
  });

  it('counts overlapping blocks of one card once, under the category it had at the time', () => {
    // Blocked on legal at 10, the reason changed to a vendor at 14 while still blocked, cleared at 20.
    const events = [
      ev('a', 10, 'blocked'),
      ev('a', 12, 'blocked'),
      ev('a', 14, 'blocked', 'vendor'),
      ev('a', 20, 'unblocked', 'vendor'),
    ];
    expect(hours(blockedTime(events, period, now))).toEqual({ 'marketing/legal_compliance': 4, 'marketing/vendor': 6 });
    expect(blockSpans(events).map((s) => [s.start, s.end])).toEqual([
      [t0 + 10 * H, t0 + 12 * H],
      [t0 + 12 * H, t0 + 14 * H],
      [t0 + 14 * H, t0 + 20 * H],
    ]);
  });

  it('counts a block still open up to now, and never past it', () => {
    expect(hours(blockedTime([ev('a', 90, 'blocked')], period, now))).toEqual({ 'marketing/legal_compliance': 10 });
    expect(hours(blockedTime([ev('a', 90, 'blocked')], period, t0 + 95 * H))).toEqual({
      'marketing/legal_compliance': 5,
    });
  });

  it('clips blocks across the period’s edges', () => {
    const events = [
      ev('a', -50, 'blocked'),
      ev('a', 5, 'unblocked'),
      ev('b', 95, 'blocked'),
      ev('b', 130, 'unblocked'),
      ev('c', -10, 'blocked'),
      ev('c', 200, 'unblocked'),
    ];
    expect(hours(blockedTime(events, period, now))).toEqual({ 'marketing/legal_compliance': 5 + 5 + 100 });
  });

  it('leaves out blocks wholly outside the period, and ends a block when the card is archived', () => {
    const events = [
      ev('a', -50, 'blocked'),
      ev('a', -5, 'unblocked'),
      ev('b', 120, 'blocked'),
      ev('c', 40, 'blocked'),
      ev('c', 42, 'archived', null),
    ];
    expect(hours(blockedTime(events, period, now))).toEqual({ 'marketing/legal_compliance': 2 });
  });

  it('counts a card restored still blocked from the restore, under the category it had; not one restored unblocked', () => {
    // Blocked on a vendor at 10, archived at 12, restored at 30 still blocked, cleared at 34; card b was unblocked
    // before it was archived, so its restore blocks nothing.
    const events = [
      ev('a', 10, 'blocked', 'vendor'),
      ev('a', 12, 'archived', null),
      ev('a', 30, 'restored', null),
      ev('a', 34, 'unblocked', 'vendor'),
    ];
    const unblockedFirst = [
      ev('b', 10, 'blocked'),
      ev('b', 11, 'unblocked'),
      ev('b', 12, 'archived', null),
      ev('b', 20, 'restored', null),
    ];
    expect(hours(blockedTime([...events, ...unblockedFirst], period, now))).toEqual({
      'marketing/vendor': 2 + 4,
      'marketing/legal_compliance': 1,
    });
    expect(blockSpans(events).map((s) => [s.category, s.start - t0, s.end! - t0])).toEqual([
      ['vendor', 10 * H, 12 * H],
      ['vendor', 30 * H, 34 * H],
    ]);
  });

  it('keeps teams apart and orders entries of the same instant by their place in the log', () => {
    const events = [
      ev('a', 10, 'blocked', 'data', 'dev'),
      ev('b', 10, 'blocked', 'data'),
      ev('b', 12, 'unblocked', 'data'),
      ev('a', 11, 'unblocked', 'data', 'dev'),
    ];
    expect(hours(blockedTime(events, period, now))).toEqual({ 'dev/data': 1, 'marketing/data': 2 });
    // Unblocked and blocked again in the same instant: the block that follows is the open one.
    const same = [ev('d', 10, 'blocked'), ev('d', 20, 'unblocked'), ev('d', 20, 'blocked', 'vendor')];
    expect(hours(blockedTime(same, period, now))).toEqual({ 'marketing/legal_compliance': 10, 'marketing/vendor': 80 });
  });
});

describe('time to clear', () => {
  it('runs from the first block to the unblocking, new reasons in between included', () => {
    const events = [
      ev('a', 0, 'blocked'),
      ev('a', 5, 'blocked', 'vendor'),
      ev('a', 24, 'unblocked', 'vendor'),
      ev('a', 30, 'blocked'),
      ev('b', 0, 'blocked'),
      ev('b', 3, 'archived', null),
    ];
    expect(clearedObstacles(events)).toEqual([
      { cardId: 'a', teamId: 'marketing', category: 'vendor', blockedAt: t0, clearedAt: t0 + 24 * H },
    ]);
  });

  it('times an obstacle restored still blocked from the restore', () => {
    const events = [
      ev('a', 0, 'blocked'),
      ev('a', 2, 'archived', null),
      ev('a', 50, 'restored', null),
      ev('a', 53, 'unblocked'),
      ev('b', 0, 'blocked'),
      ev('b', 1, 'unblocked'),
      ev('b', 2, 'archived', null),
      ev('b', 3, 'restored', null),
      ev('b', 9, 'unblocked'),
    ];
    expect(clearedObstacles(events).map((o) => [o.cardId, (o.clearedAt - o.blockedAt) / H])).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
  });

  it('gives the weekly median per group, by the week the obstacle was cleared in', () => {
    const events = [
      ...[1, 3, 8].flatMap((h, i) => [ev(`w1-${i}`, 0, 'blocked'), ev(`w1-${i}`, h, 'unblocked')]),
      ...[2, 4].flatMap((h, i) => [ev(`w2-${i}`, 7 * 24, 'blocked'), ev(`w2-${i}`, 7 * 24 + h, 'unblocked')]),
      ev('v', 0, 'blocked', 'vendor'),
      ev('v', 48, 'unblocked', 'vendor'),
    ];
    const weeks = timeToClearByWeek(
      clearedObstacles(events),
      (o) => o.category,
      { from: t0, to: t0 + 14 * 24 * H },
      'UTC',
    );
    expect(weeks).toEqual([
      { week: '2026-03-02', key: 'legal_compliance', cleared: 3, medianHours: 3 },
      { week: '2026-03-02', key: 'vendor', cleared: 1, medianHours: 48 },
      { week: '2026-03-09', key: 'legal_compliance', cleared: 2, medianHours: 2 },
    ]);
  });
});
