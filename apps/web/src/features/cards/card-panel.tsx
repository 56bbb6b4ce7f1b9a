import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { cardDetailSchema, type CardDetail } from '@amb/shared/cards';
import { principleListSchema, type Principle } from '@amb/shared/principles';
import { memberListSchema } from '@amb/shared/teams';
import { api, ApiError } from '../../lib/api-client';
import { useEscapeKey } from '../../lib/use-escape-key';
import { CardConversation } from './card-conversation';
import { CardFields, type Person } from './card-fields';
import { CardHistory } from './card-history';
import { CardLinks } from './card-links';
import { CardSprintField } from './card-sprint-field';
import './cards.css';

/**
 * A card's detail, beside the board: every field, the conversation, checklists, links to other teams' cards
 * and the history. Every save carries the version it was based on; a newer version elsewhere is shown, not overwritten.
 */
export function CardPanel() {
  const { teamId, cardId } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [card, setCard] = useState<CardDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [principles, setPrinciples] = useState<Principle[]>([]);
  const close = useCallback(() => navigate({ pathname: `/teams/${teamId}/board`, search: params.toString() }), [navigate, teamId, params]);

  const reload = useCallback(async () => {
    if (!cardId) return;
    try {
      setCard(await api('GET', `/cards/${cardId}`, { schema: cardDetailSchema }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [cardId]);

  useEffect(() => {
    if (!cardId) return;
    let current = true;
    api('GET', `/cards/${cardId}`, { schema: cardDetailSchema })
      .then((c) => current && (setCard(c), setError(null)))
      .catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [cardId]);
  useEffect(() => {
    if (!teamId) return;
    api('GET', `/teams/${teamId}/members`, { schema: memberListSchema })
      .then((r) => setPeople(r.members.filter((m) => m.role !== 'VIEWER').map((m) => ({ id: m.userId, name: m.name }))))
      .catch(() => setPeople([]));
    api('GET', '/principles', { schema: principleListSchema })
      .then((r) => setPrinciples(r.principles.filter((p) => !p.archived)))
      .catch(() => setPrinciples([]));
  }, [teamId]);
  useEscapeKey(close);

  /** Runs a write; on a stale version shows the newer card instead of overwriting it. */
  const write = async (action: () => Promise<unknown>): Promise<ApiError | null> => {
    setNotice(null);
    try {
      await action();
      await reload();
      return null;
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', (e as Error).message);
      if (apiError.code === 'STALE_VERSION') {
        setNotice('Someone else changed this card; showing their version. Your change was not saved.');
        await reload();
      } else if (!apiError.fields.length) setNotice(apiError.message);
      return apiError;
    }
  };

  return (
    <aside className="card-panel" role="dialog" aria-label={card ? card.title : 'Card'}>
      <div className="card-panel-head">
        <span className="muted">{card?.type === 'EXPERIMENT' ? 'Experiment' : 'Card'}</span>
        <button type="button" onClick={close} aria-label="Close card">
          ×
        </button>
      </div>
      {error && <p role="alert">This card could not be loaded: {error}</p>}
      {!card && !error && (
        <p role="status" className="muted">
          Loading card…
        </p>
      )}
      {notice && (
        <p role="alert" className="notice error">
          {notice}
        </p>
      )}
      {card && (
        <>
          {card.archivedAt && <p className="notice warning">This card is archived.</p>}
          <CardFields key={`${card.id}:${card.version}`} card={card} people={people} principles={principles} write={write} />
          <CardSprintField card={card} write={write} />
          <CardConversation card={card} write={write} />
          <CardLinks card={card} write={write} />
          <div className="card-actions">
            {card.archivedAt ? (
              <button type="button" onClick={() => void write(() => api('POST', `/cards/${card.id}/restore`, { body: { version: card.version } }))}>
                Restore card
              </button>
            ) : (
              <button type="button" onClick={() => void write(() => api('POST', `/cards/${card.id}/archive`, { body: { version: card.version } }))}>
                Archive card
              </button>
            )}
          </div>
          <CardHistory card={card} people={people} />
        </>
      )}
    </aside>
  );
}
