import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CardSummary } from '@amb/shared/boards';
import { BoardCard } from './board-card';
import type { DropData } from './keyboard-coordinates';

/** Above this many cards a cell renders only what is in view, so long columns stay smooth. */
const VIRTUALISE_FROM = 60;

interface Props {
  drop: DropData;
  label: string;
  cards: CardSummary[];
  peopleNames: Map<string, string>;
  principleNames: Map<string, { short: string; full: string }>;
  pending: Record<string, true>;
  /** While a card is dragged: why this cell would refuse it (a full hard limit), else null. */
  refusing: string | null;
  /** A swimlane without cards: a thin row that still takes a drop. */
  collapsed: boolean;
  readOnlyReason: string | null;
  onOpen: (cardId: string) => void;
  header?: ReactNode;
  /** A message about a drop into this cell (a refusal, a warning), shown where the card was let go. */
  notice?: ReactNode;
  footer?: ReactNode;
}

/** One column in one swimlane: its cards in order, and the place to drop a card at the end. */
export function BoardCell({
  drop,
  label,
  cards,
  peopleNames,
  principleNames,
  pending,
  refusing,
  collapsed,
  readOnlyReason,
  onOpen,
  header,
  notice,
  footer,
}: Props) {
  const { setNodeRef, isOver } = useDroppable({
    id: `cell:${drop.columnId}:${drop.laneKey}`,
    data: drop,
    disabled: false,
  });
  // The same object for as long as the cell is the same place, so the cards below it skip a render they do not need.
  const { columnId, columnIndex, swimlaneId, laneKey } = drop;
  const cellDrop = useMemo<DropData>(
    () => ({ kind: 'cell', columnId, columnIndex, swimlaneId, laneKey, index: 0 }),
    [columnId, columnIndex, swimlaneId, laneKey],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = cards.length >= VIRTUALISE_FROM;
  // Rows are keyed by card, not by position: a card dropped at the top shifts the rows below instead of
  // re-creating every card in view. The same function while the cards are the same, or the virtualiser would
  // recompute every row's place on each render.
  const itemKey = useCallback((index: number) => cards[index]?.id ?? index, [cards]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is read during render by design
  const virtualizer = useVirtualizer({
    count: virtual ? cards.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 84,
    overscan: 8,
    getItemKey: itemKey,
  });
  const card = (c: CardSummary, index: number) => (
    <BoardCard
      key={c.id}
      card={c}
      cellDrop={cellDrop}
      index={index}
      peopleNames={peopleNames}
      principleNames={principleNames}
      onOpen={onOpen}
      pending={Boolean(pending[c.id])}
      readOnlyReason={readOnlyReason}
    />
  );
  return (
    <div
      role="group"
      className={`board-cell${isOver ? ' over' : ''}${refusing ? ' refusing' : ''}${collapsed ? ' collapsed' : cards.length ? '' : ' empty'}`}
      aria-label={label}
      aria-disabled={refusing ? true : undefined}
      data-refusing={refusing ?? undefined}
      ref={setNodeRef}
    >
      {header}
      {notice}
      {!collapsed && (
        <div className={`cell-cards${virtual ? ' virtual' : ''}`} ref={scrollRef}>
          {cards.length === 0 && drop.laneKey === 'none' && drop.swimlaneId === null && !header && (
            <p className="cell-empty muted">No cards yet</p>
          )}
          {virtual ? (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
                >
                  {card(cards[item.index]!, item.index)}
                </div>
              ))}
            </div>
          ) : (
            cards.map(card)
          )}
        </div>
      )}
      {footer}
    </div>
  );
}
