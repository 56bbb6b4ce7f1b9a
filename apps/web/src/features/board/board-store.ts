import { create } from 'zustand';
import { rankBetween } from '@amb/domain/ranks';
import type { BoardEvent, BoardView, CardSummary } from '@amb/shared/boards';
import type { CardWriteResult } from '@amb/shared/cards';
import { api, ApiError } from '../../lib/api-client';
import { queryClient } from '../../app/query-client';
import { boardViewKey } from './api';

export interface Place {
  columnId: string;
  swimlaneId: string | null;
  /** The card right above, or null for the top of the column. */
  afterCardId: string | null;
}

export interface Notice {
  tone: 'error' | 'warning' | 'info';
  text: string;
  /** The place it is about (where a card was dropped): the board shows it there rather than at the top. */
  at?: { columnId: string; swimlaneId: string | null };
}

interface LastMove {
  cardId: string;
  title: string;
  /** Where the card was before the move, so undo can put it back. */
  from: Place;
}

/**
 * What the browser owns on a board: the board open, the notice, the last move (for undo) and the cards with a move
 * on its way. The board itself is server state in the query cache (`boardQuery`); the actions below change it
 * there, optimistically, and put it back when the server refuses.
 */
interface BoardState {
  boardId: string | null;
  notice: Notice | null;
  lastMove: LastMove | null;
  /** Cards with a move on its way to the server. */
  pending: Record<string, true>;
  /** Opens a board: its notice and undo belong to it alone. */
  open(boardId: string): void;
  move(cardId: string, to: Place, options?: { undo?: boolean }): Promise<void>;
  undo(): Promise<void>;
  addCard(columnId: string, swimlaneId: string | null, position: 'top' | 'bottom', title: string): Promise<boolean>;
  applyEvent(event: BoardEvent): void;
  say(notice: Notice | null): void;
}

const byRank = (a: CardSummary, b: CardSummary) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0);

/** The cards of a column in board order (all swimlanes). */
export function columnCards(view: BoardView, columnId: string, except?: string) {
  return view.cards.filter((c) => c.columnId === columnId && c.id !== except).sort(byRank);
}

/** Where a card sits now, as a place another move could return it to. */
export function placeOf(view: BoardView, card: CardSummary): Place {
  const cards = columnCards(view, card.columnId);
  const index = cards.findIndex((c) => c.id === card.id);
  return { columnId: card.columnId, swimlaneId: card.swimlaneId, afterCardId: index > 0 ? cards[index - 1]!.id : null };
}

function replaceCard(view: BoardView, card: CardSummary | null, id: string): BoardView {
  const others = view.cards.filter((c) => c.id !== id);
  return { ...view, cards: card ? [...others, card] : others };
}

function overLimitNotice(
  result: { overLimit: { scope: string; name: string; limit: number; count: number }[] },
  at?: Notice['at'],
): Notice | null {
  if (!result.overLimit.length) return null;
  const text = result.overLimit
    .map((o) =>
      o.scope === 'person'
        ? `${o.name} is over their WIP limit (${o.count} of ${o.limit} in progress)`
        : `${o.scope === 'column' ? 'Column' : 'Swimlane'} "${o.name}" is over its WIP limit (${o.count} of ${o.limit})`,
    )
    .join('; ');
  return { tone: 'warning', text, at };
}

/** The open board as the query cache holds it, and a way to change it there. */
const cachedView = (boardId: string | null) =>
  boardId ? queryClient.getQueryData<BoardView>(boardViewKey(boardId)) : undefined;
const changeView = (boardId: string, change: (view: BoardView) => BoardView) =>
  queryClient.setQueryData<BoardView>(boardViewKey(boardId), (view) => (view ? change(view) : view));

export const useBoardStore = create<BoardState>()((set, get) => ({
  boardId: null,
  notice: null,
  lastMove: null,
  pending: {},

  open(boardId) {
    if (get().boardId !== boardId) set({ boardId, lastMove: null, notice: null, pending: {} });
  },

  async move(cardId, to, options = {}) {
    const boardId = get().boardId;
    const view = cachedView(boardId);
    const card = view?.cards.find((c) => c.id === cardId);
    if (!boardId || !view || !card) return;
    const from = placeOf(view, card);
    if (from.columnId === to.columnId && from.swimlaneId === to.swimlaneId && from.afterCardId === to.afterCardId)
      return;

    // Show the move at once, with a provisional rank between the new neighbours.
    const column = columnCards(view, to.columnId, cardId);
    const aboveIndex = to.afterCardId ? column.findIndex((c) => c.id === to.afterCardId) : -1;
    const above = aboveIndex >= 0 ? column[aboveIndex]!.rank : null;
    const below = column[aboveIndex + 1]?.rank ?? null;
    let rank = card.rank;
    try {
      rank = rankBetween(above, below);
    } catch {
      /* neighbours out of order locally: the server's answer fixes it */
    }
    const before = card;
    changeView(boardId, (now) =>
      replaceCard(now, { ...card, columnId: to.columnId, swimlaneId: to.swimlaneId, rank }, cardId),
    );
    set({ pending: { ...get().pending, [cardId]: true }, notice: null });
    try {
      // Not parsed again here: the API validates its answer, and the card schemas stay out of the first download.
      const result = await api<CardWriteResult>('POST', `/cards/${cardId}/move`, {
        body: { columnId: to.columnId, swimlaneId: to.swimlaneId, afterCardId: to.afterCardId, version: card.version },
      });
      changeView(boardId, (now) => replaceCard(now, result.card, cardId));
      set({
        lastMove: options.undo ? null : { cardId, title: card.title, from },
        notice:
          overLimitNotice(result, to) ??
          (options.undo ? { tone: 'info', text: `Moved "${card.title}" back`, at: to } : null),
      });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      if (apiError?.code === 'STALE_VERSION' && apiError.details.card) {
        // The card as the server has it now (the API's error carries it whole).
        const current = apiError.details.card as CardSummary;
        changeView(boardId, (now) => replaceCard(now, current, cardId));
        set({
          notice: {
            tone: 'error',
            text: `Someone else changed "${card.title}" first; the board shows their version. Try the move again if it still makes sense.`,
            at: { columnId: current.columnId, swimlaneId: current.swimlaneId },
          },
        });
      } else {
        // Spring back, and say why.
        changeView(boardId, (now) => replaceCard(now, before, cardId));
        set({ notice: { tone: 'error', text: apiError?.message ?? `The move of "${card.title}" failed`, at: to } });
      }
    } finally {
      const pending = { ...get().pending };
      delete pending[cardId];
      set({ pending });
    }
  },

  async undo() {
    const last = get().lastMove;
    if (!last) return;
    set({ lastMove: null });
    await get().move(last.cardId, last.from, { undo: true });
  },

  async addCard(columnId, swimlaneId, position, title) {
    try {
      const result = await api<CardWriteResult>('POST', '/cards', { body: { columnId, swimlaneId, position, title } });
      const boardId = get().boardId;
      if (boardId)
        changeView(boardId, (view) =>
          view.cards.some((c) => c.id === result.card.id) ? view : { ...view, cards: [...view.cards, result.card] },
        );
      set({ notice: overLimitNotice(result, { columnId, swimlaneId }) });
      return true;
    } catch (error) {
      set({ notice: { tone: 'error', text: (error as Error).message } });
      return false;
    }
  },

  applyEvent(event) {
    const boardId = get().boardId;
    if (!boardId || !cachedView(boardId)) return;
    if (event.reload) {
      // Columns, swimlanes or limits changed: read the board again, showing the one there is meanwhile.
      void queryClient.invalidateQueries({ queryKey: boardViewKey(boardId) });
      return;
    }
    const pending = get().pending;
    changeView(boardId, (view) => {
      let cards = view.cards;
      if (event.cardId && !pending[event.cardId]) {
        const mine = cards.find((c) => c.id === event.cardId);
        if (!event.card) cards = cards.filter((c) => c.id !== event.cardId);
        else if (!mine || mine.version <= event.card.version)
          cards = [...cards.filter((c) => c.id !== event.cardId), event.card];
      }
      return { ...view, cards, lastActivityId: event.activityId };
    });
  },

  say(notice) {
    set({ notice });
  },
}));
