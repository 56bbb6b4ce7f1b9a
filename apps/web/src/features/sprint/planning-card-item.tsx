import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { PlanningCard } from '@amb/shared/sprints';

export type PlanningList = 'backlog' | 'sprint';

/** A card on the planning screen: dragged by mouse, touch or keyboard (space to lift, arrows, space to drop). */
export function PlanningCardItem({
  card,
  list,
  action,
  onAction,
  canPlan,
}: {
  card: PlanningCard;
  list: PlanningList;
  action: string;
  onAction: () => void;
  canPlan: boolean;
}) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: card.id,
    data: { list },
    disabled: !canPlan,
  });
  const estimate = card.estimate === null ? 'no estimate' : `${card.estimate} pt`;
  const owners = card.ownerNames.join(', ') || 'no owner';
  // Named by what it shows, in the order shown (voice control users say what they see), parted by commas when read out.
  const name = [card.title, estimate, ...card.principleNames, ...card.labels, owners].join(', ');
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`planning-card${isDragging ? ' dragging' : ''}${card.blocked ? ' blocked' : ''}`}
    >
      <div
        className="planning-card-grip"
        {...attributes}
        {...listeners}
        aria-label={name}
        aria-describedby="planning-drag-help"
      >
        <span className="planning-card-title">{card.title}</span>
        <span className={`points${card.estimate === null ? ' unestimated' : ''}`}>{estimate}</span>
        <span className="planning-card-meta">
          {card.principleNames.map((p) => (
            <span key={p} className="principle-tag">
              {p}
            </span>
          ))}
          {card.labels.map((l) => (
            <span key={l} className="label-tag">
              {l}
            </span>
          ))}
          <span className="muted">{owners}</span>
        </span>
      </div>
      {canPlan && (
        <button
          type="button"
          className="planning-card-action"
          onClick={onAction}
          aria-label={`${action}: ${card.title}`}
        >
          {action}
        </button>
      )}
    </li>
  );
}
