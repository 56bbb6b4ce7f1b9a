import { memo, useCallback, useMemo, useState } from 'react';
import { approvalLabel } from '@amb/domain/approvals';
import { useDraggable, useDroppable } from '@dnd-kit/core';
import type { CardSummary } from '@amb/shared/boards';
import { useCardFileUploads } from './card-file-uploads';
import type { DropData } from './keyboard-coordinates';
import { OwnerAvatar } from './people-wip';
import { CampaignMark, campaignMarkId } from './campaign-mark';

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

const dayMonth = (iso: string) => {
  const d = new Date(iso);
  return { day: d.getUTCDate(), month: d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' }) };
};

/** A card's days, compact for the due chip: "12–15 Dec", "30 Nov–2 Dec", or "From 12 Dec" without a due date. */
export function spanText(start: string, due: string | null): string {
  const from = dayMonth(start);
  if (!due) return `From ${from.day} ${from.month}`;
  const to = dayMonth(due);
  if (from.day === to.day && from.month === to.month) return `${to.day} ${to.month}`;
  return from.month === to.month
    ? `${from.day}–${to.day} ${to.month}`
    : `${from.day} ${from.month}–${to.day} ${to.month}`;
}

/** The cover's box on a card's face: the thumbnail (320 px wide) cropped to a strip. */
const COVER_WIDTH = 320;
const COVER_HEIGHT = 112;

/** The id of the one hidden text that says why cards cannot be moved (rendered once by the board page). */
export const READ_ONLY_REASON_ID = 'board-read-only-reason';

/** A card's description: how to move it (or why it cannot be moved), and its campaign, read out after its title. */
const describedBy = (base: string | undefined, card: CardSummary) =>
  card.campaignId ? [base, campaignMarkId(card.id)].filter(Boolean).join(' ') : base;

export const experimentResultText = {
  VALIDATED: 'Validated',
  INVALIDATED: 'Invalidated',
  INCONCLUSIVE: 'Inconclusive',
} as const;

/**
 * A card on the board: draggable (mouse, touch, keyboard), a drop target for cards placed before it, and for files
 * dragged from the desktop, which are attached to it. Every prop
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
  // Files dragged in from the desktop (not cards: those move by pointer events through the drag library).
  const [fileOver, setFileOver] = useState(false);
  const takesFiles = (e: React.DragEvent) => !readOnly && e.dataTransfer.types.includes('Files');
  return (
    <div
      ref={ref}
      className={`board-card${isDragging ? ' dragging' : ''}${isOver ? ' drop-before' : ''}${card.blocked ? ' blocked' : ''}${pending ? ' pending' : ''}${readOnly ? ' read-only' : ''}${fileOver ? ' file-over' : ''}`}
      {...attributes}
      {...listeners}
      aria-roledescription={readOnly ? 'card' : 'draggable card'}
      aria-label={card.title}
      aria-describedby={describedBy(readOnly ? READ_ONLY_REASON_ID : attributes['aria-describedby'], card)}
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
      onDragOver={(e) => {
        if (!takesFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        if (!fileOver) setFileOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFileOver(false);
      }}
      onDrop={(e) => {
        setFileOver(false);
        if (!takesFiles(e) || e.dataTransfer.files.length === 0) return;
        e.preventDefault();
        useCardFileUploads.getState().attach(card, [...e.dataTransfer.files]);
      }}
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
      {card.cover && (
        // A fixed box (the thumbnail cropped to fit), so nothing moves when it arrives; loaded only when in view.
        <img
          className="card-cover"
          src={card.cover.thumbnailUrl}
          alt=""
          loading="lazy"
          decoding="async"
          draggable={false}
          width={COVER_WIDTH}
          height={COVER_HEIGHT}
        />
      )}
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
        {card.campaignId && <CampaignMark cardId={card.id} campaignId={card.campaignId} />}
        {card.labels.map((l) => (
          <span key={l} className="label">
            {l}
          </span>
        ))}
        {card.estimate !== null && <span className="estimate">{card.estimate} pt</span>}
        {card.startDate ? (
          // A card spanning days shows its days in the due chip's place, one line as before; the chip's title says when it is due.
          <span className={due?.overdue ? 'due overdue' : 'due'} title={due?.text}>
            {spanText(card.startDate, card.dueDate)}
          </span>
        ) : (
          due && <span className={due.overdue ? 'due overdue' : 'due'}>{due.text}</span>
        )}
        <span className="owners">
          {ownerNames.map((n, i) => (
            <OwnerAvatar key={card.ownerIds[i] ?? n} userId={card.ownerIds[i] ?? ''} name={n} initials={initials(n)} />
          ))}
        </span>
      </div>
    </>
  );
});
