import type { CardDetail } from '@amb/shared/cards';
import { ActivityLine } from '../../components/activity-line';
import type { Person } from './card-fields';

/** Who changed what, when, in words: the card's part of the activity log. */
export function CardHistory({ card, people }: { card: CardDetail; people: Person[] }) {
  const names = { ...Object.fromEntries(people.map((p) => [p.id, p.name])), ...card.historyNames };
  return (
    <section aria-labelledby="history-title" className="panel-section">
      <h3 id="history-title">History</h3>
      {card.history.length === 0 ? (
        <p className="muted">Nothing has happened to this card yet.</p>
      ) : (
        <ol className="history">
          {card.history.map((h) => (
            <ActivityLine key={h.id} entry={h} names={names} cardId={card.id} />
          ))}
        </ol>
      )}
    </section>
  );
}
