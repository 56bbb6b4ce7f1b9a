import { closestCenter, KeyboardCode, type CollisionDetection, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import { addDays } from '@amb/domain/calendar';

/** What each day droppable carries. */
export interface DayDrop {
  day: string;
}
/** What each card on a day carries: the card, and the day it was picked up from. */
export interface DayCardDrag {
  cardId: string;
  day: string;
}

/**
 * Arrow keys jump between days rather than pixels: left and right a day, up and down a week. In the agenda, which
 * lists only days with cards, the nearest listed day that way.
 */
export const calendarKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { active, droppableRects, droppableContainers, collisionRect, over } = context;
  if (!active || !collisionRect) return undefined;
  const days = droppableContainers
    .getEnabled()
    .map((c) => ({ day: (c.data.current as DayDrop | undefined)?.day, rect: droppableRects.get(c.id) }))
    .filter((t): t is { day: string; rect: NonNullable<typeof t.rect> } => Boolean(t.day && t.rect))
    .sort((a, b) => (a.day < b.day ? -1 : 1));
  const here = (over?.data.current as DayDrop | undefined)?.day ?? (active.data.current as DayCardDrag).day;
  const by =
    event.code === KeyboardCode.Right
      ? 1
      : event.code === KeyboardCode.Left
        ? -1
        : event.code === KeyboardCode.Down
          ? 7
          : event.code === KeyboardCode.Up
            ? -7
            : 0;
  if (!by) return undefined;
  const wanted = addDays(here, by);
  const pick =
    days.find((t) => t.day === wanted) ??
    (by > 0 ? days.find((t) => t.day > here) : [...days].reverse().find((t) => t.day < here));
  if (!pick) return undefined;
  event.preventDefault();
  return {
    x: pick.rect.left + pick.rect.width / 2 - collisionRect.width / 2,
    y: pick.rect.top + pick.rect.height / 2 - collisionRect.height / 2,
  };
};

/** The day under the pointer (or, for the keyboard, under the dragged card's centre), measured now. */
export const dayCollision: CollisionDetection = (args) => {
  const rect = args.collisionRect;
  const point = args.pointerCoordinates ?? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  const hit = args.droppableContainers.find((container) => {
    const r = container.node.current?.getBoundingClientRect() ?? args.droppableRects.get(container.id);
    return r && point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom;
  });
  if (hit) return [{ id: hit.id, data: { droppableContainer: hit, value: 0 } }];
  return args.pointerCoordinates ? [] : closestCenter(args);
};
