import { admitCard, placesEntered, swimlaneWipCount, type WipDecision } from '@amb/domain/wip';
import type { BoardView, CardSummary } from '@amb/shared/boards';

/** The flow category of each column of a board, by id. */
export function flowOf(view: BoardView) {
  const flows = new Map(view.columns.map((c) => [c.id, c.flowCategory]));
  return (columnId: string) => flows.get(columnId) ?? 'BACKLOG';
}

/**
 * Whether the board would accept `card` in a column (and swimlane): the same rule the API applies, so a full
 * column can say so while the card is still being dragged.
 */
export function decideDrop(
  view: BoardView,
  card: CardSummary,
  columnId: string,
  swimlaneId: string | null,
): WipDecision {
  const column = view.columns.find((c) => c.id === columnId);
  if (!column) return { allowed: true, overLimit: [] };
  const flow = flowOf(view);
  const others = view.cards.filter((c) => c.id !== card.id);
  const swimlane = swimlaneId ? (view.swimlanes.find((s) => s.id === swimlaneId) ?? null) : null;
  return admitCard(
    placesEntered({
      from: { columnId: card.columnId, swimlaneId: card.swimlaneId, flowCategory: flow(card.columnId) },
      column,
      swimlane,
      columnCount: others.filter((c) => c.columnId === columnId).length,
      swimlaneCount: swimlane ? swimlaneWipCount(others, swimlane.id, flow) : 0,
    }),
  );
}
