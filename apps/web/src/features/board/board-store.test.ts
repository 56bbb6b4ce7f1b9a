import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardView } from '@amb/shared/boards';
import { queryClient } from '../../app/query-client';
import { boardViewKey } from './api';
import { cardSummary } from './card-fixture';
import { columnCards, useBoardStore } from './board-store';

// The API's ids are UUIDs (as the API sends them): short names mapped to them.
const ids: Record<string, string> = {
  a: '00000000-0000-4000-8000-00000000000a',
  b: '00000000-0000-4000-8000-00000000000b',
  c: '00000000-0000-4000-8000-00000000000c',
  todo: '00000000-0000-4000-8000-0000000000d1',
  doing: '00000000-0000-4000-8000-0000000000d2',
};
const id = (name: string) => ids[name]!;

const card = (name: string, column: string, rank: string) =>
  cardSummary({ id: id(name), columnId: id(column), rank, title: `Card ${name}` });

const view: BoardView = {
  board: { id: 'b', teamId: 't', name: 'Board' },
  columns: [
    {
      id: id('todo'),
      name: 'To do',
      position: 0,
      wipLimit: null,
      wipPolicy: 'SOFT',
      flowCategory: 'TODO',
      agingDays: 3,
      requiresApproval: false,
    },
    {
      id: id('doing'),
      name: 'Doing',
      position: 1,
      wipLimit: null,
      wipPolicy: 'SOFT',
      flowCategory: 'IN_PROGRESS',
      agingDays: 3,
      requiresApproval: false,
    },
  ],
  swimlanes: [],
  cards: [card('a', 'todo', 'h'), card('b', 'todo', 'p'), card('c', 'doing', 'm')],
  people: [],
  lastActivityId: '1',
};

/** Answers the next API call with `status` and `body`, and hands back a way to let it answer. */
function nextAnswer(status: number, body: unknown) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      await gate;
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }),
  );
  return release;
}

/** The board as the query cache holds it: the store changes it there. */
const cached = () => queryClient.getQueryData<BoardView>(boardViewKey('b'))!;

describe('the board store (drag, optimistic order, undo) over the board in the query cache', () => {
  beforeEach(() => {
    queryClient.setQueryData(boardViewKey('b'), view);
    useBoardStore.setState({ boardId: 'b', notice: null, lastMove: null, pending: {} });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    queryClient.clear();
  });

  it('shows a move at once, then takes the server’s card; undo is offered', async () => {
    const answer = nextAnswer(200, { card: { ...card('a', 'doing', 'n'), version: 2 }, overLimit: [] });
    const moving = useBoardStore
      .getState()
      .move(id('a'), { columnId: id('doing'), swimlaneId: null, afterCardId: id('c') });
    let now = useBoardStore.getState();
    expect(columnCards(cached(), id('doing')).map((c) => c.id)).toEqual([id('c'), id('a')]);
    expect(now.pending).toEqual({ [id('a')]: true });
    answer();
    await moving;
    now = useBoardStore.getState();
    expect(now.notice?.text ?? null).toBeNull();
    expect(cached().cards.find((c) => c.id === id('a'))).toMatchObject({
      columnId: id('doing'),
      rank: 'n',
      version: 2,
    });
    expect(now.pending).toEqual({});
    expect(now.lastMove).toEqual({
      cardId: id('a'),
      title: 'Card a',
      from: { columnId: id('todo'), swimlaneId: null, afterCardId: null },
    });
  });

  it('springs back when the server refuses, and says why where the card was dropped', async () => {
    const answer = nextAnswer(409, {
      error: {
        code: 'WIP_LIMIT_REACHED',
        message: 'Column "Doing" is at its hard WIP limit of 1 (it holds 1 card)',
        fields: [],
      },
    });
    const moving = useBoardStore
      .getState()
      .move(id('b'), { columnId: id('doing'), swimlaneId: null, afterCardId: null });
    expect(columnCards(cached(), id('doing')).map((c) => c.id)).toEqual([id('b'), id('c')]);
    answer();
    await moving;
    const now = useBoardStore.getState();
    expect(columnCards(cached(), id('todo')).map((c) => c.id)).toEqual([id('a'), id('b')]);
    expect(now.notice).toMatchObject({
      tone: 'error',
      text: expect.stringContaining('hard WIP limit'),
      at: { columnId: id('doing'), swimlaneId: null },
    });
    expect(now.lastMove).toBeNull();
  });

  it('a live update for a card with a move in flight does not undo the move on screen', () => {
    useBoardStore.setState({ pending: { [id('a')]: true } });
    queryClient.setQueryData(boardViewKey('b'), { ...view, cards: [card('a', 'doing', 'n'), ...view.cards.slice(1)] });
    useBoardStore.getState().applyEvent({
      activityId: '2',
      kind: 'card.updated',
      actorId: null,
      cardId: id('a'),
      card: card('a', 'todo', 'h'),
      reload: false,
    });
    expect(cached().cards.find((c) => c.id === id('a'))!.columnId).toBe(id('doing'));
    expect(cached().lastActivityId).toBe('2');
  });

  it('a live update for another card lands in the cache; a changed layout reads the board again', () => {
    useBoardStore.getState().applyEvent({
      activityId: '2',
      kind: 'card.updated',
      actorId: null,
      cardId: id('b'),
      card: { ...card('b', 'doing', 'a'), version: 2 },
      reload: false,
    });
    expect(columnCards(cached(), id('doing')).map((c) => c.id)).toEqual([id('b'), id('c')]);

    expect(queryClient.getQueryState(boardViewKey('b'))?.isInvalidated).toBe(false);
    useBoardStore
      .getState()
      .applyEvent({ activityId: '3', kind: 'column.updated', actorId: null, cardId: null, card: null, reload: true });
    expect(queryClient.getQueryState(boardViewKey('b'))?.isInvalidated).toBe(true);
  });

  it('opening another board forgets the last board’s undo and notice', () => {
    useBoardStore.setState({
      notice: { tone: 'info', text: 'Moved' },
      lastMove: {
        cardId: id('a'),
        title: 'Card a',
        from: { columnId: id('todo'), swimlaneId: null, afterCardId: null },
      },
    });
    useBoardStore.getState().open('b');
    expect(useBoardStore.getState().lastMove).not.toBeNull();
    useBoardStore.getState().open('other');
    expect(useBoardStore.getState()).toMatchObject({ boardId: 'other', lastMove: null, notice: null });
  });
});
