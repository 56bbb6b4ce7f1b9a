import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { CardDetail } from '@amb/shared/cards';
import type { ApiError } from '../../lib/api-client';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { addLink, cardSearchQuery, removeLink } from './api';

type Write = (action: () => Promise<unknown>, saved?: string) => Promise<ApiError | null>;
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
  // The search runs once typing pauses, and each query's answer is cached, so going back a letter costs nothing.
  const q = useDebouncedValue(query.trim(), 300);
  const search = useQuery({ ...cardSearchQuery(q), enabled: q.length >= 2 && query.trim().length >= 2 });
  const results = query.trim().length >= 2 ? (search.data ?? []).filter((c) => c.id !== card.id) : [];

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
              <button
                type="button"
                className="small"
                onClick={() =>
                  void write(
                    () => removeLink(l.id),
                    `Removed the link to “${l.card?.title ?? 'a card on another team'}”.`,
                  )
                }
                aria-label={`Remove link to ${l.card?.title ?? 'a card on another team'}`}
              >
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
          <input
            type="search"
            aria-label="Find a card to link"
            placeholder="Find a card on any board"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          {search.isFetching && q.length >= 2 && (
            <span role="status" className="muted">
              Searching…
            </span>
          )}
          {!search.isFetching && q.length >= 2 && q === query.trim() && search.data && results.length === 0 && (
            <span className="muted">No card matches “{q}”.</span>
          )}
          {results.length > 0 && (
            <ul className="link-results">
              {results.map((r) => (
                <li key={r.id}>
                  <button
                    type="button"
                    onClick={() =>
                      void write(() => addLink(card.id, r.id, kind), `Linked to “${r.title}”.`).then(
                        (err) => !err && setQuery(''),
                      )
                    }
                  >
                    {r.title}{' '}
                    <span className="muted">
                      ({r.teamName} · {r.columnName})
                    </span>
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
