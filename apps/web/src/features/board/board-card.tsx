import { memo } from 'react';
import { useDraggable, useDroppable } from '@dnd-kit/core';
import type { CardSummary } from '@amb/shared/boards';
import type { DropData } from './keyboard-coordinates';
import { OwnerAvatar } from './people-wip';

interface Props {
  card: CardSummary;
  drop: DropData;
  ownerNames: string[];
  onOpen: (cardId: string) => void;
  pending: boolean;
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((part) => part[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();

function dueText(due: string) {
  const days = Math.ceil((new Date(due).getTime() - Date.now()) / 86_400_000);
  if (days < 0) return { text: `Overdue ${-days}d`, overdue: true };
  if (days === 0) return { text: 'Due today', overdue: false };
  return { text: `Due in ${days}d`, overdue: false };
}

/** A card on the board: draggable (mouse, touch, keyboard) and a drop target for cards placed before it. */
export const BoardCard = memo(function BoardCard({ card, drop, ownerNames, onOpen, pending }: Props) {
  const { attributes, listeners, setNodeRef: dragRef, isDragging } = useDraggable({ id: card.id, data: { card } });
  const { setNodeRef: dropRef, isOver } = useDroppable({ id: `card:${card.id}`, data: drop });
  const due = card.dueDate ? dueText(card.dueDate) : null;
  return (
    <div
      ref={(node) => {
        dragRef(node);
        dropRef(node);
      }}
      className={`board-card${isDragging ? ' dragging' : ''}${isOver ? ' drop-before' : ''}${card.blocked ? ' blocked' : ''}${pending ? ' pending' : ''}`}
      {...attributes}
      {...listeners}
      aria-roledescription="draggable card"
      aria-label={card.title}
      data-card-id={card.id}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.defaultPrevented) {
          e.preventDefault();
          onOpen(card.id);
          return;
        }
        listeners?.onKeyDown?.(e);
      }}
      onClick={() => onOpen(card.id)}
    >
      <div className="card-title">
        {card.type === 'EXPERIMENT' && (
          <span className="badge experiment" title="Experiment">
            Experiment
          </span>
        )}
        {card.title}
      </div>
      {card.blocked && (
        <div className="obstacle" title={card.blockedReason ?? ''}>
          Blocked{card.blockedReason ? `: ${card.blockedReason}` : ''}
        </div>
      )}
      <div className="card-meta">
        {card.labels.map((l) => (
          <span key={l} className="label">
            {l}
          </span>
        ))}
        {card.principleIds.length > 0 && (
          <span className="principles" title={`${card.principleIds.length} manifesto principle${card.principleIds.length > 1 ? 's' : ''}`}>
            ◆ {card.principleIds.length}
          </span>
        )}
        {card.estimate !== null && <span className="estimate">{card.estimate} pt</span>}
        {due && <span className={due.overdue ? 'due overdue' : 'due'}>{due.text}</span>}
        <span className="owners">
          {ownerNames.map((n, i) => (
            <OwnerAvatar key={card.ownerIds[i] ?? n} userId={card.ownerIds[i] ?? ''} name={n} initials={initials(n)} />
          ))}
        </span>
      </div>
    </div>
  );
});
