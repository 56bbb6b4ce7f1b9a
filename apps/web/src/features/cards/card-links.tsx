import { useState } from 'react';
import { Link } from 'react-router';
import { cardSearchResultSchema, type CardDetail } from '@amb/shared/cards';
import { api, type ApiError } from '../../lib/api-client';

type Write = (action: () => Promise<unknown>) => Promise<ApiError | null>;
type Kind = 'DEPENDS_ON' | 'BLOCKS' | 'RELATES';
const kindText: Record<Kind, [string, string]> = {
  DEPENDS_ON: ['depends on', 'is needed by'],
  BLOCKS: ['blocks', 'is blocked by'],
  RELATES: ['relates to', 'relates to'],
};

/** Links to cards on any board the person can see: marketing waiting on development, and the like. */
export function CardLinks({ card, write }: { card: CardDetail; write: Write }) {
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<Kind>('DEPENDS_ON');
  const [results, setResults] = useState<{ id: string; title: string; teamName: string; columnName: string }[]>([]);

  const search = async (q: string) => {
    setQuery(q);
    if (q.trim().length < 2) return setResults([]);
    try {
      const found = await api('GET', `/cards/search?q=${encodeURIComponent(q.trim())}`, { schema: cardSearchResultSchema });
      setResults(found.cards.filter((c) => c.id !== card.id));
    } catch {
      setResults([]);
    }
  };

  return (
    <section aria-labelledby="links-title" className="panel-section">
      <h3 id="links-title">Links</h3>
      {card.links.length === 0 && <p className="muted">Not linked to other cards.</p>}
      <ul className="links">
        {card.links.map((l) => (
          <li key={l.id}>
            This card {kindText[l.kind][l.direction === 'outgoing' ? 0 : 1]}{' '}
            {l.card ? (
              <>
                <Link to={`/teams/${l.card.teamId}/board/cards/${l.card.id}`}>{l.card.title}</Link>{' '}
                <span className="muted">
                  ({l.card.teamName} · {l.card.columnName}
                  {l.card.done ? ' · done' : ''})
                </span>
              </>
            ) : (
              <span className="muted">a card on another team that you cannot see</span>
            )}{' '}
            {!card.archivedAt && l.direction === 'outgoing' && (
              <button type="button" className="small" onClick={() => void write(() => api('DELETE', `/card-links/${l.id}`))} aria-label={`Remove link to ${l.card?.title ?? 'a card on another team'}`}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {!card.archivedAt && (
        <div className="link-picker">
          <select aria-label="Link kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="DEPENDS_ON">Depends on</option>
            <option value="BLOCKS">Blocks</option>
            <option value="RELATES">Relates to</option>
          </select>
          <input type="search" aria-label="Find a card to link" placeholder="Find a card on any board" value={query} onChange={(e) => void search(e.target.value)} />
          {results.length > 0 && (
            <ul className="link-results">
              {results.map((r) => (
                <li key={r.id}>
                  <button type="button" onClick={() => void write(() => api('POST', `/cards/${card.id}/links`, { body: { toCardId: r.id, kind } })).then((err) => !err && (setQuery(''), setResults([])))}>
                    {r.title} <span className="muted">({r.teamName} · {r.columnName})</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
