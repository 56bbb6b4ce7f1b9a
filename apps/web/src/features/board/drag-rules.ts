import { admitCard, countsTowardSwimlaneLimit, type WipDecision, type WipPlace } from '@amb/domain/wip';
import type { BoardView, CardSummary } from '@amb/shared/boards';

/**
 * Whether the board would accept `card` in a column (and swimlane): the same rule the API applies, so a full
 * column can say so while the card is still being dragged.
 */
export function decideDrop(view: BoardView, card: CardSummary, columnId: string, swimlaneId: string | null): WipDecision {
  const column = view.columns.find((c) => c.id === columnId);
  if (!column) return { allowed: true, overLimit: [] };
  const places: WipPlace[] = [];
  const others = view.cards.filter((c) => c.id !== card.id);
  if (column.wipLimit !== null && card.columnId !== columnId) {
    places.push({ scope: 'column', id: column.id, name: column.name, wipLimit: column.wipLimit, wipPolicy: column.wipPolicy, count: others.filter((c) => c.columnId === columnId).length });
  }
  const lane = swimlaneId ? view.swimlanes.find((s) => s.id === swimlaneId) : null;
  const flow = (id: string) => view.columns.find((c) => c.id === id)?.flowCategory ?? 'BACKLOG';
  const countedBefore = card.swimlaneId === swimlaneId && countsTowardSwimlaneLimit(flow(card.columnId));
  if (lane && lane.wipLimit !== null && countsTowardSwimlaneLimit(column.flowCategory) && !countedBefore) {
    const count = others.filter((c) => c.swimlaneId === lane.id && countsTowardSwimlaneLimit(flow(c.columnId))).length;
    places.push({ scope: 'swimlane', id: lane.id, name: lane.name, wipLimit: lane.wipLimit, wipPolicy: lane.wipPolicy, count });
  }
  return admitCard(places);
}
