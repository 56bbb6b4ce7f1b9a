import { describe, expect, it } from 'vitest';
import { checkAllowance, checkDots, dotsLeft, mostDotsPlaced, sortByDots } from './retrospective';

const votes = [
  { noteId: 'n1', userId: 'ana', dots: 2 },
  { noteId: 'n2', userId: 'ana', dots: 1 },
  { noteId: 'n1', userId: 'ben', dots: 3 },
];

describe('dot voting', () => {
  it('counts what a person has left, whoever else voted', () => {
    expect(dotsLeft(votes, 'ana', 3)).toBe(0);
    expect(dotsLeft(votes, 'ben', 5)).toBe(2);
    expect(dotsLeft(votes, 'cy', 3)).toBe(3);
    // An allowance lowered below what someone already placed leaves them none, not a negative number.
    expect(dotsLeft(votes, 'ben', 2)).toBe(0);
  });

  it('lets a person put several dots on one note, up to the allowance', () => {
    expect(checkDots([], { userId: 'cy', noteId: 'n1', dots: 3, allowance: 3 })).toBeNull();
    expect(checkDots([], { userId: 'cy', noteId: 'n1', dots: 4, allowance: 3 })).toEqual({ available: 3 });
  });

  it('replaces the dots already on the same note rather than adding to them', () => {
    // Ana has 2 on n1 and 1 on n2: moving n1 to 2 again, or down to 0, is fine; n1 to 3 would need a fourth dot.
    expect(checkDots(votes, { userId: 'ana', noteId: 'n1', dots: 2, allowance: 3 })).toBeNull();
    expect(checkDots(votes, { userId: 'ana', noteId: 'n1', dots: 0, allowance: 3 })).toBeNull();
    expect(checkDots(votes, { userId: 'ana', noteId: 'n1', dots: 3, allowance: 3 })).toEqual({ available: 2 });
    expect(checkDots(votes, { userId: 'ana', noteId: 'n3', dots: 1, allowance: 3 })).toEqual({ available: 0 });
  });

  it('does not count other people’s dots against a person', () => {
    expect(checkDots(votes, { userId: 'cy', noteId: 'n1', dots: 3, allowance: 3 })).toBeNull();
  });
});

describe('changing the allowance', () => {
  it('finds the most dots one person has placed, across notes', () => {
    expect(mostDotsPlaced(votes)).toBe(3);
    expect(mostDotsPlaced([...votes, { noteId: 'n3', userId: 'ana', dots: 2 }])).toBe(5);
    expect(mostDotsPlaced([])).toBe(0);
  });

  it('refuses to lower it below what someone has placed, and nothing else', () => {
    expect(checkAllowance({ current: 5, next: 2, mostPlaced: 3 })).toEqual({ mostPlaced: 3 });
    // Down to exactly what the most active voter placed leaves them none left, which is fine.
    expect(checkAllowance({ current: 5, next: 3, mostPlaced: 3 })).toBeNull();
    expect(checkAllowance({ current: 5, next: 1, mostPlaced: 0 })).toBeNull();
    // Raising is always allowed, even where someone is still over an older, lower allowance.
    expect(checkAllowance({ current: 2, next: 3, mostPlaced: 4 })).toBeNull();
    expect(checkAllowance({ current: 3, next: 3, mostPlaced: 4 })).toBeNull();
  });
});

describe('sorting by votes', () => {
  it('puts the most dots first and keeps ties in the order they were written', () => {
    const notes = [
      { id: 'a', dots: 1, createdAt: '2026-11-26T10:00:00Z' },
      { id: 'b', dots: 4, createdAt: '2026-11-26T10:05:00Z' },
      { id: 'c', dots: 1, createdAt: '2026-11-26T09:00:00Z' },
      { id: 'd', dots: 0, createdAt: '2026-11-26T08:00:00Z' },
      { id: 'e', dots: 1, createdAt: '2026-11-26T09:00:00Z' },
    ];
    expect(sortByDots(notes).map((n) => n.id)).toEqual(['b', 'c', 'e', 'a', 'd']);
    // The input is left as it was.
    expect(notes[0]!.id).toBe('a');
  });
});
