import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { BoardView } from '@amb/shared/boards';
import { boardViewKey, useCachedBoard } from './api';
import { cardSummary } from './card-fixture';

const view = (title: string): BoardView => ({
  board: { id: 'b', teamId: 't', name: 'Board' },
  columns: [],
  swimlanes: [],
  cards: [cardSummary({ id: 'a', columnId: 'todo', title })],
  people: [],
  lastActivityId: '1',
});

function FirstCard({ boardId }: { boardId: string }) {
  const board = useCachedBoard(boardId);
  return <p>{board ? board.cards[0]!.title : 'no board'}</p>;
}

describe('the board read from the query cache', () => {
  afterEach(cleanup);

  it('shows a change to the cached board in the same render, not a task later', () => {
    const client = new QueryClient();
    render(
      <QueryClientProvider client={client}>
        <FirstCard boardId="b" />
      </QueryClientProvider>,
    );
    expect(screen.getByText('no board')).toBeTruthy();
    act(() => void client.setQueryData(boardViewKey('b'), view('Before the drop')));
    expect(screen.getByText('Before the drop')).toBeTruthy();
    // A change to another board's cache entry (or to another query of this board) does not touch it.
    act(() => void client.setQueryData(boardViewKey('other'), view('Elsewhere')));
    act(() => void client.setQueryData(['boards', 'b', 'people-wip'], { people: [] }));
    expect(screen.getByText('Before the drop')).toBeTruthy();
    act(
      () =>
        void client.setQueryData<BoardView>(boardViewKey('b'), (v) => ({
          ...v!,
          cards: [{ ...v!.cards[0]!, title: 'After the drop' }],
        })),
    );
    expect(screen.getByText('After the drop')).toBeTruthy();
  });
});
