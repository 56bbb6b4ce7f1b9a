import { describe, expect, it } from 'vitest';
import { admitCard, countsTowardPersonLimit, countsTowardSwimlaneLimit, isOverLimit, type WipPlace } from './wip';

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

describe('a person’s WIP limit', () => {
  const person = (wipLimit: number | null, wipPolicy: 'SOFT' | 'HARD', count: number): WipPlace => ({ scope: 'person', id: 'u', name: 'Sam Rivera', wipLimit, wipPolicy, count });

  it('refuses a person at a hard limit, naming them and what they own', () => {
    const decision = admitCard([column(5, 'HARD', 0), person(2, 'HARD', 2)]);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) {
      expect(decision.message).toBe('Sam Rivera is at their hard WIP limit of 2 (they own 2 cards in progress)');
      expect(decision.refusedBy).toMatchObject({ scope: 'person', id: 'u', limit: 2, count: 3 });
    }
  });

  it('marks a person over a soft limit and lets the card in', () => {
    expect(admitCard([person(1, 'SOFT', 1)])).toEqual({ allowed: true, overLimit: [{ scope: 'person', id: 'u', name: 'Sam Rivera', limit: 1, count: 2 }] });
    expect(admitCard([person(3, 'HARD', 2)])).toEqual({ allowed: true, overLimit: [] });
  });

  it('counts a card only when it enters work in progress', () => {
    expect(countsTowardPersonLimit('TODO', 'IN_PROGRESS')).toBe(true);
    expect(countsTowardPersonLimit(null, 'IN_PROGRESS')).toBe(true);
    expect(countsTowardPersonLimit('IN_PROGRESS', 'IN_PROGRESS')).toBe(false);
    expect(countsTowardPersonLimit('TODO', 'DONE')).toBe(false);
    expect(countsTowardPersonLimit('IN_PROGRESS', 'TODO')).toBe(false);
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
