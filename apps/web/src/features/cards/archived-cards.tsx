import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { archivedCardsSchema } from '@amb/shared/cards';
import type { CardSummary } from '@amb/shared/boards';
import { api } from '../../lib/api-client';
import { useTeam } from '../../app/teams';
import './cards.css';

/** The board's archived cards; each opens in its panel, where it can be restored. */
export function ArchivedCards() {
  const { teamId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const boardId = useTeam(teamId).team?.boards[0]?.id;
  const [cards, setCards] = useState<CardSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!boardId) return;
    api('GET', `/boards/${boardId}/archived-cards`, { schema: archivedCardsSchema })
      .then((r) => setCards(r.cards))
      .catch((e: Error) => setError(e.message));
  }, [boardId]);

  return (
    <aside className="card-panel" role="dialog" aria-label="Archived cards">
      <div className="card-panel-head">
        <h2>Archived cards</h2>
        <button type="button" aria-label="Close" onClick={() => navigate({ pathname: `/teams/${teamId}/board`, search: params.toString() })}>
          ×
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      {!cards && !error && <p role="status">Loading…</p>}
      {cards?.length === 0 && <p className="muted">Nothing is archived.</p>}
      <ul className="archived-list">
        {cards?.map((c) => (
          <li key={c.id}>
            <Link to={{ pathname: `/teams/${teamId}/board/cards/${c.id}`, search: params.toString() }}>{c.title}</Link>
          </li>
        ))}
      </ul>
    </aside>
  );
}
