import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';

/**
 * Arrow keys while a card is lifted on the planning screen: right takes it to the end of the sprint, left to the
 * end of the backlog, up and down move it past its neighbours.
 */
export const planningKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  if (event.code !== KeyboardCode.Right && event.code !== KeyboardCode.Left)
    return sortableKeyboardCoordinates(event, args);
  const { droppableRects, collisionRect } = args.context;
  const rect = droppableRects.get(event.code === KeyboardCode.Right ? 'sprint-list' : 'backlog-list');
  if (!rect || !collisionRect) return undefined;
  event.preventDefault();
  return {
    x: rect.left + rect.width / 2 - collisionRect.width / 2,
    y: rect.top + rect.height - 8 - collisionRect.height / 2,
  };
};
