import type { CardDetail } from '@amb/shared/cards';
import type { Person } from './card-fields';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

function show(value: unknown, people: Person[]): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (Array.isArray(value)) return value.length ? value.map((v) => people.find((p) => p.id === v)?.name ?? String(v)).join(', ') : 'none';
  if (typeof value === 'object') return (value as { name?: string; title?: string }).name ?? (value as { title?: string }).title ?? 'changed';
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const describe = (entry: CardDetail['history'][number], people: Person[]) => {
  switch (entry.kind) {
    case 'card.created':
      return 'created the card';
    case 'card.moved':
      return 'moved the card';
    case 'card.updated':
      return entry.field === 'rank' ? 'reordered the card' : `changed ${entry.field}: ${show(entry.from, people)} → ${show(entry.to, people)}`;
    case 'card.archived':
      return 'archived the card';
    case 'card.restored':
      return 'restored the card';
    case 'comment.added':
      return 'commented';
    case 'checklist.changed':
      return 'changed a checklist';
    case 'link.added':
      return 'linked another card';
    case 'link.removed':
      return 'removed a link';
    default:
      return entry.kind;
  }
};

/** Who changed what, when: the card's part of the activity log. */
export function CardHistory({ card, people }: { card: CardDetail; people: Person[] }) {
  return (
    <section aria-labelledby="history-title" className="panel-section">
      <h3 id="history-title">History</h3>
      <ol className="history">
        {card.history.map((h) => (
          <li key={h.id}>
            <span className="muted">{when(h.at)}</span> {h.actor?.name ?? 'Someone'} {describe(h, people)}
          </li>
        ))}
      </ol>
    </section>
  );
}
