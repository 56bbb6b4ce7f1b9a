import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { boardViewSchema, type BoardView } from '@amb/shared/boards';
import { api } from '../../lib/api-client';
import { useTeamsStore } from '../teams/teams-store';

export function BoardPage() {
  const { teamId } = useParams();
  const team = useTeamsStore((s) => s.teams?.find((t) => t.id === teamId));
  const boardId = team?.boards[0]?.id;
  const [loaded, setLoaded] = useState<BoardView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const board = loaded?.board.id === boardId ? loaded : null;

  useEffect(() => {
    if (!boardId) return;
    const controller = new AbortController();
    api('GET', `/boards/${boardId}`, { schema: boardViewSchema, signal: controller.signal })
      .then(setLoaded)
      .catch((e: Error) => e.name !== 'AbortError' && setError(e.message));
    return () => controller.abort();
  }, [boardId]);

  if (error) return <p role="alert">{error}</p>;
  if (!board) return <p className="page-loading" role="status">Loading board…</p>;
  return (
    <section aria-label={board.board.name}>
      <h1>{board.board.name}</h1>
      <div className="columns">
        {board.columns.map((column) => {
          const cards = board.cards.filter((c) => c.columnId === column.id);
          return (
            <section key={column.id} className="column" aria-label={column.name}>
              <h2>
                {column.name} <span className="wip">{cards.length}{column.wipLimit !== null ? ` / ${column.wipLimit}` : ''}</span>
              </h2>
              <ul>
                {cards.map((card) => (
                  <li key={card.id} className="card">
                    {card.title}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
