import { approvalGateRefusal } from '@amb/domain/approval-gate';
import { admitCard, placesEntered, swimlaneWipCount, type WipOverage } from '@amb/domain/wip';
import type { BoardView, CardSummary } from '@amb/shared/boards';

/** The flow category of each column of a board, by id. */
export function flowOf(view: BoardView) {
  const flows = new Map(view.columns.map((c) => [c.id, c.flowCategory]));
  return (columnId: string) => flows.get(columnId) ?? 'BACKLOG';
}

/** What a drop would do: allowed (perhaps over soft limits), or refused, tagged with the kind of reason. */
export type DropDecision =
  { allowed: true; overLimit: WipOverage[] } | { allowed: false; tag: 'Full' | 'Needs approval'; message: string };

/**
 * Whether the board would accept `card` in a column (and swimlane): the same rules the API applies (the column
 * it leaves may require approval, the places it enters may be full), so the refusal shows while it is dragged.
 */
export function decideDrop(
  view: BoardView,
  card: CardSummary,
  columnId: string,
  swimlaneId: string | null,
): DropDecision {
  const column = view.columns.find((c) => c.id === columnId);
  if (!column) return { allowed: true, overLimit: [] };
  const leaving = view.columns.find((c) => c.id === card.columnId);
  const gated = leaving && approvalGateRefusal(leaving, column, card.approval);
  if (gated) return { allowed: false, tag: 'Needs approval', message: gated };
  const flow = flowOf(view);
  const others = view.cards.filter((c) => c.id !== card.id);
  const swimlane = swimlaneId ? (view.swimlanes.find((s) => s.id === swimlaneId) ?? null) : null;
  const decision = admitCard(
    placesEntered({
      from: { columnId: card.columnId, swimlaneId: card.swimlaneId, flowCategory: flow(card.columnId) },
      column,
      swimlane,
      columnCount: others.filter((c) => c.columnId === columnId).length,
      swimlaneCount: swimlane ? swimlaneWipCount(others, swimlane.id, flow) : 0,
    }),
  );
  return decision.allowed ? decision : { allowed: false, tag: 'Full', message: decision.message };
}
