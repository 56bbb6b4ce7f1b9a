import { describe, expect, it } from 'vitest';
import { quarterOf, quarterPeriod } from './quarters';

describe('quarters', () => {
  it('knows which calendar quarter a day is in', () => {
    expect(quarterOf('2026-11-26')).toEqual({ from: '2026-10-01', to: '2026-12-31', label: 'Q4 2026' });
    expect(quarterOf('2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-03-31', label: 'Q1 2026' });
  });

  it('runs this quarter up to today and the last one whole, across the year end', () => {
    expect(quarterPeriod('2026-11-26', 'this')).toEqual({ from: '2026-10-01', to: '2026-11-26', label: 'Q4 2026' });
    expect(quarterPeriod('2027-02-03', 'last')).toEqual({ from: '2026-10-01', to: '2026-12-31', label: 'Q4 2026' });
  });
});
