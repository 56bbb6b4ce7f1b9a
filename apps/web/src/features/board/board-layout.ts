import type { CardSummary } from '@amb/shared/boards';

/** The key of one cell of the board: a column in a swimlane ('none' for cards in no swimlane). */
export const cellKey = (columnId: string, swimlaneId: string | null) => `${columnId}|${swimlaneId ?? 'none'}`;

export interface BoardLayout {
  /** Each cell's shown cards in rank order. */
  cells: Map<string, CardSummary[]>;
  /** Open cards per column and per swimlane (null: no swimlane), filters aside: what WIP limits count. */
  columnCounts: Map<string, number>;
  laneCounts: Map<string | null, number>;
  shown: number;
}

const byRank = (a: CardSummary, b: CardSummary) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0);
const none: CardSummary[] = [];

/**
 * Sorts a board's cards into its cells in one pass. A cell whose cards are the same objects in the same order as
 * in `previous` keeps its array, so a drop re-renders only the cells it changed.
 */
export function layOutBoard(
  cards: readonly CardSummary[],
  shows: (card: CardSummary) => boolean,
  previous?: BoardLayout,
): BoardLayout {
  const cells = new Map<string, CardSummary[]>();
  const columnCounts = new Map<string, number>();
  const laneCounts = new Map<string | null, number>();
  let shown = 0;
  for (const card of cards) {
    columnCounts.set(card.columnId, (columnCounts.get(card.columnId) ?? 0) + 1);
    laneCounts.set(card.swimlaneId, (laneCounts.get(card.swimlaneId) ?? 0) + 1);
    if (!shows(card)) continue;
    shown++;
    const key = cellKey(card.columnId, card.swimlaneId);
    const cell = cells.get(key);
    if (cell) cell.push(card);
    else cells.set(key, [card]);
  }
  for (const [key, cell] of cells) {
    cell.sort(byRank);
    const before = previous?.cells.get(key);
    if (before && before.length === cell.length && before.every((c, i) => c === cell[i])) cells.set(key, before);
  }
  return { cells, columnCounts, laneCounts, shown };
}

export const cellCards = (layout: BoardLayout, columnId: string, swimlaneId: string | null) =>
  layout.cells.get(cellKey(columnId, swimlaneId)) ?? none;

/** A `layOutBoard` that remembers its last layout, so each call reuses the cells the change did not touch. */
export function createBoardLayouter() {
  let last: BoardLayout | undefined;
  return (cards: readonly CardSummary[], shows: (card: CardSummary) => boolean) =>
    (last = layOutBoard(cards, shows, last));
}
