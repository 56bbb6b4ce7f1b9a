import type { Announcements } from '@dnd-kit/core';
import type { BoardView } from '@amb/shared/boards';
import type { DropData } from './keyboard-coordinates';

/** Why a drop there would be refused (null: it would be allowed): a short tag ("Full") and the message. */
export interface Refusal {
  tag: string;
  message: string;
}
export type RefusalAt = (dropped: DropData | undefined | null, id: string | number) => Refusal | null;

/** What a screen reader hears while a card is picked up, moved over the board and dropped. */
export function dragAnnouncements(view: BoardView | null | undefined, refusalAt: RefusalAt): Announcements {
  const describe = (data: DropData | undefined) => {
    if (!data || !view) return 'nowhere';
    const column = view.columns.find((c) => c.id === data.columnId)?.name ?? 'a column';
    const lane = data.swimlaneId ? `, swimlane ${view.swimlanes.find((s) => s.id === data.swimlaneId)?.name}` : '';
    if (data.kind === 'column') return `column ${column}, at the top`;
    return data.kind === 'card'
      ? `column ${column}${lane}, position ${data.index + 1}`
      : `column ${column}${lane}, at the end`;
  };
  const titleOf = (id: string | number) => view?.cards.find((c) => c.id === id)?.title ?? 'card';
  return {
    onDragStart: ({ active: a }) =>
      `Picked up card ${titleOf(a.id)}. Arrow keys move it between columns and cards; Space drops it; Escape cancels.`,
    onDragOver: ({ active: a, over }) => {
      if (!over) return `Card ${titleOf(a.id)} is not over a column`;
      const refusal = refusalAt(over.data.current as DropData, a.id);
      return `Card ${titleOf(a.id)} is over ${describe(over.data.current as DropData)}${refusal ? `. ${refusal.tag}: ${refusal.message}` : ''}`;
    },
    onDragEnd: ({ active: a, over }) => {
      if (!over) return `Card ${titleOf(a.id)} was put back`;
      const refusal = refusalAt(over.data.current as DropData, a.id);
      return refusal
        ? `Card ${titleOf(a.id)} cannot go there: ${refusal.message}`
        : `Card ${titleOf(a.id)} dropped in ${describe(over.data.current as DropData)}`;
    },
    onDragCancel: ({ active: a }) => `Moving card ${titleOf(a.id)} was cancelled; it is back where it was`,
  };
}
