import { describe, expect, it } from 'vitest';
import type { BoardView, CardSummary } from '@amb/shared/boards';
import { cardSummary } from './card-fixture';
import { decideDrop } from './drag-rules';

const card = (id: string, columnId: string, swimlaneId: string | null = null) =>
  cardSummary({ id, columnId, swimlaneId });

const view = (cards: CardSummary[]): BoardView => ({
  board: { id: 'b', teamId: 't', name: 'Board' },
  columns: [
    {
      id: 'backlog',
      name: 'Backlog',
      position: 0,
      wipLimit: null,
      wipPolicy: 'SOFT',
      flowCategory: 'BACKLOG',
      agingDays: 3,
      requiresApproval: false,
    },
    {
      id: 'doing',
      name: 'Doing',
      position: 1,
      wipLimit: 2,
      wipPolicy: 'HARD',
      flowCategory: 'IN_PROGRESS',
      agingDays: 3,
      requiresApproval: false,
    },
    {
      id: 'review',
      name: 'Review',
      position: 2,
      wipLimit: 1,
      wipPolicy: 'SOFT',
      flowCategory: 'IN_PROGRESS',
      agingDays: 3,
      requiresApproval: false,
    },
    {
      id: 'done',
      name: 'Done',
      position: 3,
      wipLimit: null,
      wipPolicy: 'SOFT',
      flowCategory: 'DONE',
      agingDays: 3,
      requiresApproval: false,
    },
  ],
  swimlanes: [{ id: 'fast', name: 'Expedite', position: 0, wipLimit: 1, wipPolicy: 'HARD' }],
  cards,
  people: [],
  lastActivityId: '0',
});

describe('decideDrop (what the board predicts while a card is dragged)', () => {
  it('refuses a full hard-limit column and names it', () => {
    const v = view([card('a', 'doing'), card('b', 'doing'), card('c', 'backlog')]);
    const decision = decideDrop(v, v.cards[2]!, 'doing', null);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.message).toContain('Column "Doing" is at its hard WIP limit of 2');
  });

  it('lets a card be reordered within its own full column', () => {
    const v = view([card('a', 'doing'), card('b', 'doing')]);
    expect(decideDrop(v, v.cards[0]!, 'doing', null).allowed).toBe(true);
  });

  it('warns but allows a move over a soft limit', () => {
    const v = view([card('a', 'review'), card('c', 'backlog')]);
    const decision = decideDrop(v, v.cards[1]!, 'review', null);
    expect(decision).toMatchObject({
      allowed: true,
      overLimit: [{ scope: 'column', name: 'Review', limit: 1, count: 2 }],
    });
  });

  it('counts a swimlane limit only in work-in-progress columns', () => {
    const v = view([card('a', 'review', 'fast'), card('c', 'backlog', 'fast')]);
    expect(decideDrop(v, v.cards[1]!, 'doing', 'fast').allowed).toBe(false);
    expect(decideDrop(v, v.cards[1]!, 'done', 'fast').allowed).toBe(true);
    // Moving along the swimlane from one counting column to another does not enter it again.
    expect(decideDrop(v, v.cards[0]!, 'doing', 'fast').allowed).toBe(true);
  });
});

describe('decideDrop for a column that requires approval', () => {
  const gated = (cards: CardSummary[]): BoardView => {
    const v = view(cards);
    return { ...v, columns: v.columns.map((c) => (c.id === 'review' ? { ...c, requiresApproval: true } : c)) };
  };

  it('refuses to let an unapproved card leave, tagged "Needs approval" and saying what is missing', () => {
    const v = gated([cardSummary({ id: 'a', columnId: 'review', approval: { state: 'pending', approved: 1, of: 2 } })]);
    expect(decideDrop(v, v.cards[0]!, 'done', null)).toEqual({
      allowed: false,
      tag: 'Needs approval',
      message: 'Column "Review" needs an approved version before a card leaves it: approval 1 of 2',
    });
  });

  it('lets it move within the column, and leave once approved', () => {
    const waiting = gated([card('a', 'review')]);
    expect(decideDrop(waiting, waiting.cards[0]!, 'review', 'fast').allowed).toBe(true);
    const v = gated([
      cardSummary({ id: 'a', columnId: 'review', approval: { state: 'approved', approved: 2, of: 2 } }),
    ]);
    expect(decideDrop(v, v.cards[0]!, 'done', null).allowed).toBe(true);
  });

  it('tags a full column "Full"', () => {
    const v = gated([card('a', 'doing'), card('b', 'doing'), card('c', 'backlog')]);
    expect(decideDrop(v, v.cards[2]!, 'doing', null)).toMatchObject({ allowed: false, tag: 'Full' });
  });
});
