import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Arrow keys jump between places rather than pixels: left and right to the neighbouring column (same
 * swimlane), up and down to the card above or below. Each droppable carries its column, lane and index.
 */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { active, droppableRects, droppableContainers, collisionRect, over } = context;
  if (!active || !collisionRect) return undefined;
  const here = (over ? droppableContainers.get(over.id)?.data.current : undefined) as DropData | undefined;
  const targets = droppableContainers
    .getEnabled()
    .map((container) => ({
      id: container.id,
      data: container.data.current as DropData | undefined,
      rect: droppableRects.get(container.id),
    }))
    .filter(
      (t): t is { id: string | number; data: DropData; rect: NonNullable<typeof t.rect> } =>
        Boolean(t.data && t.rect) && t.data?.kind !== 'column' && t.id !== `card:${active.id}`,
    );
  if (!here) {
    const first = targets[0];
    return first ? centre(first.rect) : undefined;
  }
  const columnOrder = [...new Set(targets.map((t) => t.data.columnIndex))].sort((a, b) => a - b);
  let pick: (typeof targets)[number] | undefined;
  switch (event.code) {
    case KeyboardCode.Right:
    case KeyboardCode.Left: {
      const step = event.code === KeyboardCode.Right ? 1 : -1;
      const nextColumn = columnOrder[columnOrder.indexOf(here.columnIndex) + step];
      if (nextColumn === undefined) return undefined;
      const sameLane = targets.filter((t) => t.data.columnIndex === nextColumn && t.data.laneKey === here.laneKey);
      // The top card of that column's cell, or the empty cell itself.
      pick =
        sameLane.filter((t) => t.data.kind === 'card').sort((a, b) => a.data.index - b.data.index)[0] ??
        sameLane.find((t) => t.data.kind === 'cell');
      break;
    }
    case KeyboardCode.Down:
    case KeyboardCode.Up: {
      const cell = targets.filter((t) => t.data.columnIndex === here.columnIndex && t.data.laneKey === here.laneKey);
      const cards = cell.filter((t) => t.data.kind === 'card').sort((a, b) => a.data.index - b.data.index);
      const index = here.kind === 'cell' ? cards.length : here.index;
      const next = index + (event.code === KeyboardCode.Down ? 1 : -1);
      pick = next >= cards.length ? cell.find((t) => t.data.kind === 'cell') : cards[Math.max(0, next)];
      break;
    }
    default:
      return undefined;
  }
  if (!pick) return undefined;
  event.preventDefault();
  if (pick.data.kind === 'cell') {
    // A cell's bottom padding holds no card, so aiming there means "at the end of this column".
    return {
      x: pick.rect.left + pick.rect.width / 2 - collisionRect.width / 2,
      y: pick.rect.top + pick.rect.height - 12 - collisionRect.height / 2,
    };
  }
  return centreFor(pick.rect, collisionRect);
};

export interface DropData {
  /** A card (drop before it), a cell (drop at its end) or a column's header (drop at the top, in the card's own swimlane). */
  kind: 'card' | 'cell' | 'column';
  columnId: string;
  columnIndex: number;
  swimlaneId: string | null;
  laneKey: string;
  /** The card's position in its cell (cards only). */
  index: number;
}

const centre = (rect: { left: number; top: number; width: number; height: number }) => ({
  x: rect.left + rect.width / 2,
  y: rect.top + rect.height / 2,
});

/** Coordinates that put the dragged card's centre on the target's centre. */
function centreFor(
  rect: { left: number; top: number; width: number; height: number },
  dragged: { width: number; height: number },
) {
  const c = centre(rect);
  return { x: c.x - dragged.width / 2, y: c.y - dragged.height / 2 };
}
