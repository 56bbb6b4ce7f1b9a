import { describe, expect, it } from 'vitest';
import { admitCard, countsTowardSwimlaneLimit, isOverLimit, type WipPlace } from './wip';

const column = (wipLimit: number | null, wipPolicy: 'SOFT' | 'HARD', count: number): WipPlace => ({ scope: 'column', id: 'c', name: 'In progress', wipLimit, wipPolicy, count });

describe('admitCard', () => {
  it('lets a card into a place with room or without a limit', () => {
    expect(admitCard([column(3, 'HARD', 2)])).toEqual({ allowed: true, overLimit: [] });
    expect(admitCard([column(null, 'HARD', 200)])).toEqual({ allowed: true, overLimit: [] });
  });

  it('refuses a full hard-limited place and says which limit and how many cards', () => {
    const decision = admitCard([column(3, 'HARD', 3)]);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) {
      expect(decision.message).toBe('Column "In progress" is at its hard WIP limit of 3 (it holds 3 cards)');
      expect(decision.refusedBy).toMatchObject({ scope: 'column', limit: 3, count: 4 });
    }
  });

  it('lets a card over a soft limit and reports the overage', () => {
    const decision = admitCard([column(3, 'SOFT', 3)]);
    expect(decision).toEqual({ allowed: true, overLimit: [{ scope: 'column', id: 'c', name: 'In progress', limit: 3, count: 4 }] });
  });

  it('refuses on a full swimlane even when the column has room', () => {
    const lane: WipPlace = { scope: 'swimlane', id: 's', name: 'Expedite', wipLimit: 1, wipPolicy: 'HARD', count: 1 };
    const decision = admitCard([column(5, 'HARD', 0), lane]);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.message).toContain('Swimlane "Expedite"');
  });
});

describe('rules of thumb', () => {
  it('counts only work under way toward a swimlane limit', () => {
    expect(countsTowardSwimlaneLimit('BACKLOG')).toBe(false);
    expect(countsTowardSwimlaneLimit('TODO')).toBe(true);
    expect(countsTowardSwimlaneLimit('IN_PROGRESS')).toBe(true);
    expect(countsTowardSwimlaneLimit('DONE')).toBe(false);
  });
  it('is over a limit only above it', () => {
    expect(isOverLimit(3, 3)).toBe(false);
    expect(isOverLimit(4, 3)).toBe(true);
    expect(isOverLimit(99, null)).toBe(false);
  });
});
