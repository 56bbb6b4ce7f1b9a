import { useLayoutEffect } from 'react';
import { useDndContext } from '@dnd-kit/core';

/**
 * Empty cells grow into easy drop targets once a card is lifted (board.css, `.dragging`). dnd-kit measured the drop
 * targets as the drag began, before that growth was drawn, so they are measured again once it is.
 */
export function RemeasureOnLift({ lifted }: { lifted: boolean }) {
  const { measureDroppableContainers, droppableContainers } = useDndContext();
  useLayoutEffect(() => {
    if (lifted) measureDroppableContainers(droppableContainers.getEnabled().map((c) => c.id));
    // Only when a card is lifted: the containers' map changes on every render during a drag.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lifted]);
  return null;
}
