import { describe, expect, it } from 'vitest';
import { capacityState, loadPerPerson, suggestCapacity } from './sprint-capacity';

describe('capacity', () => {
  it('suggests the recent velocity scaled by availability', () => {
    // Average of the last three: (20 + 30 + 40) / 3 = 30; two people over 10 days, one of them 5 days off: 15/20.
    expect(
      suggestCapacity({ workingDays: 10, people: [{ daysOff: 0 }, { daysOff: 5 }], recentCompleted: [99, 20, 30, 40] }),
    ).toBe(23);
    expect(suggestCapacity({ workingDays: 10, people: [{ daysOff: 0 }], recentCompleted: [12] })).toBe(12);
    expect(suggestCapacity({ workingDays: 10, people: [{ daysOff: 0 }], recentCompleted: [] })).toBeNull();
    expect(suggestCapacity({ workingDays: 10, people: [{ daysOff: 30 }], recentCompleted: [10] })).toBe(0);
  });

  it('says whether the plan is under, at or over capacity', () => {
    expect(capacityState(10, null)).toBe('none');
    expect(capacityState(9, 10)).toBe('under');
    expect(capacityState(10, 10)).toBe('at');
    expect(capacityState(11, 10)).toBe('over');
  });

  it('adds up points per owner', () => {
    const load = loadPerPerson([
      { estimate: 3, ownerIds: ['ana', 'ben'] },
      { estimate: 5, ownerIds: ['ana'] },
      { estimate: null, ownerIds: ['ben'] },
    ]);
    expect(Object.fromEntries(load)).toEqual({ ana: 8, ben: 3 });
  });
});
