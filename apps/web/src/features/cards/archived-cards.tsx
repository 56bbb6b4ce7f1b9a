import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTeam } from '../../app/teams';
import { QueryState } from '../../components/query-state';
import { archivedCardsQuery } from './api';
import './cards.css';

/** The board's archived cards; each opens in its panel, where it can be restored. */
export function ArchivedCards() {
  const { teamId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const boardId = useTeam(teamId).team?.boards[0]?.id;
  const archived = useQuery({ ...archivedCardsQuery(boardId ?? ''), enabled: Boolean(boardId) });

  return (
    <aside className="card-panel" role="dialog" aria-label="Archived cards">
      <div className="card-panel-head">
        <h2>Archived cards</h2>
        <button
          type="button"
          aria-label="Close"
          onClick={() => navigate({ pathname: `/teams/${teamId}/board`, search: params.toString() })}
        >
          ×
        </button>
      </div>
      <QueryState
        query={archived}
        loading="Loading archived cards…"
        failed="The archived cards could not be loaded"
        empty="Nothing is archived."
        isEmpty={(cards) => cards.length === 0}
      >
        {(cards) => (
          <ul className="archived-list">
            {cards.map((c) => (
              <li key={c.id}>
                <Link to={{ pathname: `/teams/${teamId}/board/cards/${c.id}`, search: params.toString() }}>
                  {c.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </aside>
  );
}
