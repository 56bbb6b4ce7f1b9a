import { memo, useCallback, useMemo } from 'react';
import { approvalLabel } from '@amb/domain/approvals';
import { useDraggable, useDroppable } from '@dnd-kit/core';
import type { CardSummary } from '@amb/shared/boards';
import type { DropData } from './keyboard-coordinates';
import { OwnerAvatar } from './people-wip';

interface Props {
  card: CardSummary;
  /** The cell the card is in, and its place there: a card dropped on this one goes before it. */
  cellDrop: DropData;
  index: number;
  peopleNames: Map<string, string>;
  /** Each principle's short and full name. */
  principleNames: Map<string, { short: string; full: string }>;
  onOpen: (cardId: string) => void;
  pending: boolean;
  /** Why this person cannot move the card (a viewer), or null when they can. */
  readOnlyReason: string | null;
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

/** The id of the one hidden text that says why cards cannot be moved (rendered once by the board page). */
export const READ_ONLY_REASON_ID = 'board-read-only-reason';

export const experimentResultText = {
  VALIDATED: 'Validated',
  INVALIDATED: 'Invalidated',
  INCONCLUSIVE: 'Inconclusive',
} as const;

/**
 * A card on the board: draggable (mouse, touch, keyboard) and a drop target for cards placed before it. Every prop
 * keeps its identity while the card is unchanged, so a drop re-renders only the cards it moved.
 */
export const BoardCard = memo(function BoardCard({
  card,
  cellDrop,
  index,
  peopleNames,
  principleNames: principleNameMap,
  onOpen,
  pending,
  readOnlyReason,
}: Props) {
  const drop = useMemo<DropData>(() => ({ ...cellDrop, kind: 'card', index }), [cellDrop, index]);
  const {
    attributes,
    listeners,
    setNodeRef: dragRef,
    isDragging,
  } = useDraggable({ id: card.id, data: { card }, disabled: readOnlyReason !== null });
  const { setNodeRef: dropRef, isOver } = useDroppable({ id: `card:${card.id}`, data: drop });
  // One ref for both roles, kept across renders: a new one each time would detach and re-attach the card from the
  // drag context on every render.
  const ref = useCallback(
    (node: HTMLDivElement | null) => {
      dragRef(node);
      dropRef(node);
    },
    [dragRef, dropRef],
  );
  const readOnly = readOnlyReason !== null;
  return (
    <div
      ref={ref}
      className={`board-card${isDragging ? ' dragging' : ''}${isOver ? ' drop-before' : ''}${card.blocked ? ' blocked' : ''}${pending ? ' pending' : ''}${readOnly ? ' read-only' : ''}`}
      {...attributes}
      {...listeners}
      aria-roledescription={readOnly ? 'card' : 'draggable card'}
      aria-label={card.title}
      aria-describedby={readOnly ? READ_ONLY_REASON_ID : attributes['aria-describedby']}
      title={readOnlyReason ?? undefined}
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
      <CardFace card={card} peopleNames={peopleNames} principleNames={principleNameMap} />
    </div>
  );
});

/**
 * What a card shows. The drag context re-renders every card when a drag starts or ends; this part only re-renders
 * when the card itself, or a name it shows, changes.
 */
const CardFace = memo(function CardFace({
  card,
  peopleNames,
  principleNames: principleNameMap,
}: Pick<Props, 'card' | 'peopleNames' | 'principleNames'>) {
  const ownerNames = card.ownerIds.map((id) => peopleNames.get(id) ?? '?');
  const principleNames = card.principleIds.flatMap((id) => principleNameMap.get(id) ?? []);
  const due = card.dueDate ? dueText(card.dueDate) : null;
  return (
    <>
      <div className="card-title">
        {card.type === 'EXPERIMENT' && (
          <span className="badge experiment" title="Experiment">
            Experiment
          </span>
        )}
        {card.title}
      </div>
      {card.type === 'EXPERIMENT' && (card.hypothesis || card.experimentResult) && (
        <div className="experiment-line">
          {card.experimentResult && (
            <span className={`result ${card.experimentResult.toLowerCase()}`}>
              {experimentResultText[card.experimentResult]}
            </span>
          )}
          {card.hypothesis && (
            <span className="hypothesis" title={card.hypothesis}>
              {card.hypothesis}
            </span>
          )}
        </div>
      )}
      {card.approval && <div className={`approval-line ${card.approval.state}`}>{approvalLabel(card.approval)}</div>}
      {card.blocked && (
        <div className="obstacle" title={card.blockedReason ?? ''}>
          <span aria-hidden="true">⊘ </span>Blocked{card.blockedReason ? `: ${card.blockedReason}` : ''}
        </div>
      )}
      {principleNames.length > 0 && (
        <ul className="principle-chips" aria-label="Manifesto principles">
          {principleNames.map((p) => (
            <li key={p.full} className="principle-chip" title={p.full}>
              {p.short}
            </li>
          ))}
        </ul>
      )}
      <div className="card-meta">
        {card.labels.map((l) => (
          <span key={l} className="label">
            {l}
          </span>
        ))}
        {card.estimate !== null && <span className="estimate">{card.estimate} pt</span>}
        {due && <span className={due.overdue ? 'due overdue' : 'due'}>{due.text}</span>}
        <span className="owners">
          {ownerNames.map((n, i) => (
            <OwnerAvatar key={card.ownerIds[i] ?? n} userId={card.ownerIds[i] ?? ''} name={n} initials={initials(n)} />
          ))}
        </span>
      </div>
    </>
  );
});
