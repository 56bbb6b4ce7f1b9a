import { describe, expect, it } from 'vitest';
import {
  admitCard,
  countsTowardPersonLimit,
  countsTowardSwimlaneLimit,
  isOverLimit,
  placesEntered,
  swimlaneWipCount,
  wipState,
  type WipPlace,
} from './wip';

const column = (wipLimit: number | null, wipPolicy: 'SOFT' | 'HARD', count: number): WipPlace => ({
  scope: 'column',
  id: 'c',
  name: 'In progress',
  wipLimit,
  wipPolicy,
  count,
});

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
    expect(decision).toEqual({
      allowed: true,
      overLimit: [{ scope: 'column', id: 'c', name: 'In progress', limit: 3, count: 4 }],
    });
  });

  it('refuses on a full swimlane even when the column has room', () => {
    const lane: WipPlace = { scope: 'swimlane', id: 's', name: 'Expedite', wipLimit: 1, wipPolicy: 'HARD', count: 1 };
    const decision = admitCard([column(5, 'HARD', 0), lane]);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.message).toContain('Swimlane "Expedite"');
  });
});

describe('a person’s WIP limit', () => {
  const person = (wipLimit: number | null, wipPolicy: 'SOFT' | 'HARD', count: number): WipPlace => ({
    scope: 'person',
    id: 'u',
    name: 'Sam Rivera',
    wipLimit,
    wipPolicy,
    count,
  });

  it('refuses a person at a hard limit, naming them and what they own', () => {
    const decision = admitCard([column(5, 'HARD', 0), person(2, 'HARD', 2)]);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) {
      expect(decision.message).toBe('Sam Rivera is at their hard WIP limit of 2 (they own 2 cards in progress)');
      expect(decision.refusedBy).toMatchObject({ scope: 'person', id: 'u', limit: 2, count: 3 });
    }
  });

  it('marks a person over a soft limit and lets the card in', () => {
    expect(admitCard([person(1, 'SOFT', 1)])).toEqual({
      allowed: true,
      overLimit: [{ scope: 'person', id: 'u', name: 'Sam Rivera', limit: 1, count: 2 }],
    });
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

describe('placesEntered', () => {
  const inProgress = {
    id: 'col-2',
    name: 'In progress',
    wipLimit: 3,
    wipPolicy: 'HARD' as const,
    flowCategory: 'IN_PROGRESS' as const,
  };
  const lane = { id: 'lane-1', name: 'Expedite', wipLimit: 2, wipPolicy: 'SOFT' as const };

  it('a card entering a limited column and swimlane enters both, with their counts', () => {
    const places = placesEntered({
      from: { columnId: 'col-1', swimlaneId: null, flowCategory: 'BACKLOG' },
      column: inProgress,
      swimlane: lane,
      columnCount: 3,
      swimlaneCount: 1,
    });
    expect(places).toEqual([
      { scope: 'column', id: 'col-2', name: 'In progress', wipLimit: 3, wipPolicy: 'HARD', count: 3 },
      { scope: 'swimlane', id: 'lane-1', name: 'Expedite', wipLimit: 2, wipPolicy: 'SOFT', count: 1 },
    ]);
    expect(admitCard(places).allowed).toBe(false);
  });

  it('reordering within a column enters nothing, so a full column never refuses it', () => {
    expect(
      placesEntered({
        from: { columnId: 'col-2', swimlaneId: null, flowCategory: 'IN_PROGRESS' },
        column: inProgress,
        swimlane: null,
        columnCount: 9,
        swimlaneCount: 0,
      }),
    ).toEqual([]);
  });

  it('moving along a swimlane between columns that count does not enter the swimlane again', () => {
    const places = placesEntered({
      from: { columnId: 'col-1', swimlaneId: 'lane-1', flowCategory: 'TODO' },
      column: inProgress,
      swimlane: lane,
      columnCount: 0,
      swimlaneCount: 5,
    });
    expect(places.map((p) => p.scope)).toEqual(['column']);
  });

  it('a swimlane limit does not count backlog or done columns, and a new card counts nowhere yet', () => {
    const done = { ...inProgress, id: 'col-9', wipLimit: null, flowCategory: 'DONE' as const };
    expect(placesEntered({ from: null, column: done, swimlane: lane, columnCount: 0, swimlaneCount: 5 })).toEqual([]);
    expect(
      placesEntered({
        from: { columnId: 'col-9', swimlaneId: 'lane-1', flowCategory: 'DONE' },
        column: inProgress,
        swimlane: lane,
        columnCount: 0,
        swimlaneCount: 2,
      }).map((p) => p.scope),
    ).toEqual(['column', 'swimlane']);
  });
});

describe('swimlaneWipCount and wipState', () => {
  it('counts only the swimlane’s cards in to-do and in-progress columns', () => {
    const flows: Record<string, 'BACKLOG' | 'TODO' | 'IN_PROGRESS' | 'DONE'> = {
      b: 'BACKLOG',
      t: 'TODO',
      p: 'IN_PROGRESS',
      d: 'DONE',
    };
    const cards = [
      { swimlaneId: 'x', columnId: 'b' },
      { swimlaneId: 'x', columnId: 't' },
      { swimlaneId: 'x', columnId: 'p' },
      { swimlaneId: 'x', columnId: 'd' },
      { swimlaneId: 'y', columnId: 'p' },
      { swimlaneId: null, columnId: 'p' },
    ];
    expect(swimlaneWipCount(cards, 'x', (id) => flows[id]!)).toBe(2);
  });

  it('tells a place exactly at its limit from one over it', () => {
    expect(wipState(2, 3)).toBe('within');
    expect(wipState(3, 3)).toBe('at-limit');
    expect(wipState(4, 3)).toBe('over-limit');
    expect(wipState(40, null)).toBe('within');
  });
});
