import { describe, expect, it } from 'vitest';
import { bucketStarts, isNeglected, recentFrom } from './principle-coverage';

describe('buckets over a period', () => {
  it('starts weeks on Monday, the first clipped to the period', () => {
    // 2026-10-01 is a Thursday.
    expect(bucketStarts('2026-10-01', '2026-10-20', 'week')).toEqual([
      '2026-10-01',
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
    ]);
    expect(bucketStarts('2026-10-05', '2026-10-11', 'week')).toEqual(['2026-10-05']);
  });

  it('starts months on the 1st, across the year end', () => {
    expect(bucketStarts('2026-11-15', '2027-01-31', 'month')).toEqual(['2026-11-15', '2026-12-01', '2027-01-01']);
    expect(bucketStarts('2026-10-01', '2026-12-31', 'month')).toEqual(['2026-10-01', '2026-11-01', '2026-12-01']);
  });

  it('a quarter has 13 or 14 weekly buckets', () => {
    expect(bucketStarts('2026-10-01', '2026-12-31', 'week')).toHaveLength(14);
  });
});

describe('neglected principles', () => {
  it('looks at the last 28 days of the period, within it', () => {
    expect(recentFrom('2026-10-01', '2026-12-31')).toBe('2026-12-04');
    expect(recentFrom('2026-12-20', '2026-12-31')).toBe('2026-12-20');
  });

  it('is neither finished lately nor in progress now', () => {
    expect(isNeglected({ finishedRecently: 0, inProgressNow: 0 })).toBe(true);
    expect(isNeglected({ finishedRecently: 1, inProgressNow: 0 })).toBe(false);
    expect(isNeglected({ finishedRecently: 0, inProgressNow: 2 })).toBe(false);
  });
});
