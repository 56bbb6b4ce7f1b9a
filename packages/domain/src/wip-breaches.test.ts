import { describe, expect, it } from 'vitest';
import { breachChange } from './wip-breaches';

describe('a soft limit’s breach', () => {
  it('opens when a place goes over its limit, not when it reaches it', () => {
    expect(breachChange(3, 3, null)).toBeNull();
    expect(breachChange(4, 3, null)).toBe('start');
  });

  it('raises its peak only above the most cards held so far', () => {
    expect(breachChange(5, 3, { peakCount: 4 })).toBe('peak');
    expect(breachChange(4, 3, { peakCount: 5 })).toBeNull();
  });

  it('closes once the place is back within its limit', () => {
    expect(breachChange(3, 3, { peakCount: 5 })).toBe('end');
    expect(breachChange(2, 3, null)).toBeNull();
  });
});
