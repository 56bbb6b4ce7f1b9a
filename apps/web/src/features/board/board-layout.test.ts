import { describe, expect, it } from 'vitest';
import type { CardSummary } from '@amb/shared/boards';
import { cellCards, layOutBoard } from './board-layout';

const card = (id: string, columnId: string, swimlaneId: string | null, rank: string) =>
  ({ id, columnId, swimlaneId, rank, title: id }) as CardSummary;

describe('layOutBoard', () => {
  const cards = [
    card('a', 'todo', null, 'p'),
    card('b', 'todo', null, 'h'),
    card('c', 'todo', 'fast', 'm'),
    card('d', 'done', null, 'm'),
  ];

  it('puts each shown card in its cell in rank order, and counts every card for the limits', () => {
    const layout = layOutBoard(cards, (c) => c.id !== 'd');
    expect(cellCards(layout, 'todo', null).map((c) => c.id)).toEqual(['b', 'a']);
    expect(cellCards(layout, 'todo', 'fast').map((c) => c.id)).toEqual(['c']);
    expect(cellCards(layout, 'done', null)).toEqual([]);
    expect(layout.columnCounts.get('todo')).toBe(3);
    expect(layout.columnCounts.get('done')).toBe(1);
    expect(layout.laneCounts.get(null)).toBe(3);
    expect(layout.shown).toBe(3);
  });

  it('keeps the arrays of cells a change did not touch, so those cells do not re-render', () => {
    const before = layOutBoard(cards, () => true);
    const moved = cards.map((c) => (c.id === 'd' ? { ...c, columnId: 'todo', rank: 'z' } : c));
    const after = layOutBoard(moved, () => true, before);
    expect(cellCards(after, 'todo', 'fast')).toBe(cellCards(before, 'todo', 'fast'));
    expect(cellCards(after, 'todo', null)).not.toBe(cellCards(before, 'todo', null));
    expect(cellCards(after, 'todo', null).map((c) => c.id)).toEqual(['b', 'a', 'd']);
  });
});
