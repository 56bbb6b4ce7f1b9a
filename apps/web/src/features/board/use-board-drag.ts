// Dragging cards on the board, with the mouse, a finger or the keyboard: what is under the card, whether it may
// land there (the same rule the API applies), where it lands, and what a screen reader hears meanwhile.
import { useState } from 'react';
import {
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  closestCenter,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { afterCardAtEnd, afterCardForDrop } from '@amb/domain/reorder';
import type { BoardView, CardSummary } from '@amb/shared/boards';
import { NO_LANE } from './board-lanes';
import { columnCards, useBoardStore, type Place } from './board-store';
import { dragAnnouncements, type RefusalAt } from './drag-announcements';
import { decideDrop } from './drag-rules';
import { boardKeyboardCoordinates, type DropData } from './keyboard-coordinates';

/**
 * The droppable under the pointer (or, for the keyboard, under the dragged card's centre); cards win over cells.
 * Places are measured now, not when the drag began: a live update, a refusal tag or a lane opening can move them
 * meanwhile, and the card must land where the person sees the pointer.
 */
const collision: CollisionDetection = (args) => {
  const rect = args.collisionRect;
  const point = args.pointerCoordinates ?? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  const hits = args.droppableContainers
    .map((container) => ({
      container,
      rect: container.node.current?.getBoundingClientRect() ?? args.droppableRects.get(container.id),
    }))
    .filter(
      ({ container, rect: r }) =>
        r &&
        container.id !== `card:${args.active.id}` &&
        point.x >= r.left &&
        point.x <= r.right &&
        point.y >= r.top &&
        point.y <= r.bottom,
    )
    .sort((a, b) => a.rect!.width * a.rect!.height - b.rect!.width * b.rect!.height);
  if (hits.length)
    return hits.map(({ container, rect: r }) => ({
      id: container.id,
      data: { droppableContainer: container, value: r!.width * r!.height },
    }));
  return args.pointerCoordinates ? [] : closestCenter(args);
};

/** Where a dropped card goes: after the card above the one it was dropped on, or at the end of the cell's column. */
function placeFor(view: BoardView, active: CardSummary, drop: DropData, overId: string): Place {
  const order = columnCards(view, drop.columnId).map((c) => c.id);
  if (drop.kind === 'column') return { columnId: drop.columnId, swimlaneId: drop.swimlaneId, afterCardId: null };
  const afterCardId =
    drop.kind === 'cell'
      ? afterCardAtEnd(order, active.id)
      : afterCardForDrop(order, active.id, overId.slice('card:'.length));
  return { columnId: drop.columnId, swimlaneId: drop.swimlaneId, afterCardId };
}

/** A header drop lands in the dragged card's own swimlane. */
const resolveDrop = (data: DropData | undefined | null, card: CardSummary | undefined | null): DropData | null =>
  data && card && data.kind === 'column'
    ? { ...data, swimlaneId: card.swimlaneId, laneKey: card.swimlaneId ?? NO_LANE }
    : (data ?? null);

/**
 * The drag state of the board: the card being dragged, why the place under it would refuse it, and the props for
 * the board's DndContext.
 */
export function useBoardDrag(view: BoardView | null | undefined) {
  const { move, say } = useBoardStore.getState();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [overDrop, setOverDrop] = useState<DropData | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: boardKeyboardCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  const active = activeId && view ? (view.cards.find((c) => c.id === activeId) ?? null) : null;
  const refusalAt: RefusalAt = (dropped, id) => {
    const card = view?.cards.find((c) => c.id === id);
    const data = resolveDrop(dropped, card);
    if (!data || !card || !view) return null;
    const decision = decideDrop(view, card, data.columnId, data.swimlaneId);
    return decision.allowed ? null : { tag: decision.tag, message: decision.message };
  };

  const onDragStart = (e: DragStartEvent) => {
    setActiveId(String(e.active.id));
    setOverDrop(null);
    say(null);
  };
  const onDragOver = (e: DragOverEvent) => setOverDrop((e.over?.data.current as DropData | undefined) ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    setActiveId(null);
    setOverDrop(null);
    const card = view?.cards.find((c) => c.id === e.active.id);
    const data = resolveDrop(e.over?.data.current as DropData | undefined, card);
    if (!view || !card || !data || !e.over) return;
    const refusal = refusalAt(data, card.id);
    if (refusal) {
      // Said where the card was let go (the cell), not at the top of a long board.
      say({
        tone: 'error',
        text: `“${card.title}” was not moved. ${refusal.message}.`,
        at: { columnId: data.columnId, swimlaneId: data.swimlaneId },
      });
      return;
    }
    void move(card.id, placeFor(view, card, data, String(e.over.id)));
  };

  return {
    /** The card being dragged, if any. */
    active,
    /** Why the place under the dragged card would refuse it. */
    overRefusal: active && overDrop ? refusalAt(overDrop, active.id) : null,
    refusalAt,
    context: {
      sensors,
      collisionDetection: collision,
      onDragStart,
      onDragOver,
      onDragEnd,
      onDragCancel: () => (setActiveId(null), setOverDrop(null)),
      accessibility: { announcements: dragAnnouncements(view, refusalAt) },
    },
  };
}
