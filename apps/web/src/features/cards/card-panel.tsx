import { useCallback, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useOutletContext, useParams, useSearchParams } from 'react-router';
import type { CardDetail } from '@amb/shared/cards';
import type { BoardOutletContext } from '../../app/board-outlet';
import { useActivePrinciples } from '../../app/principles';
import { QueryState } from '../../components/query-state';
import { ApiError } from '../../lib/api-client';
import { useEscapeKey } from '../../lib/use-escape-key';
import { teamSprintsQuery } from '../../app/sprints';
import { archiveCard, cardKeys, cardOwnersQuery, cardQuery, restoreCard } from './api';
import { CardConversation } from './card-conversation';
import { CardFields } from './card-fields';
import { CardHistory } from './card-history';
import { CardApproval } from './card-approval';
import { CardAttachments } from './card-attachments';
import { CardLinks } from './card-links';
import { CardPmoHandling } from './card-pmo-handling';
import { CardSprintField } from './card-sprint-field';
import { CardCampaignField } from './card-campaign-field';
import { campaignsQuery } from '../../app/campaigns';
import { CardWatchers } from './card-watchers';
import './cards.css';

/** Where the card is: its column, swimlane and sprint, in words. */
function CardWhere({ card, teamId }: { card: CardDetail; teamId: string }) {
  const board = useOutletContext<BoardOutletContext | undefined>();
  const sprints = useQuery({ ...teamSprintsQuery(teamId), enabled: Boolean(card.sprintId) });
  const column = board?.columns.find((c) => c.id === card.columnId)?.name;
  const lane = card.swimlaneId ? board?.swimlanes.find((s) => s.id === card.swimlaneId)?.name : null;
  const sprint = card.sprintId ? (sprints.data?.sprints.find((s) => s.id === card.sprintId)?.name ?? '…') : null;
  const campaigns = useQuery({ ...campaignsQuery, enabled: Boolean(card.campaignId) });
  const campaign = card.campaignId ? campaigns.data?.find((c) => c.id === card.campaignId) : null;
  return (
    <dl className="card-where">
      <div>
        <dt>Column</dt>
        <dd>{column ?? '…'}</dd>
      </div>
      {lane && (
        <div>
          <dt>Swimlane</dt>
          <dd>{lane}</dd>
        </div>
      )}
      <div>
        <dt>Sprint</dt>
        <dd>{sprint ?? 'Not in a sprint'}</dd>
      </div>
      {card.campaignId && (
        <div>
          <dt>Campaign</dt>
          <dd>{campaign ? <Link to={`/campaigns/${campaign.id}`}>{campaign.name}</Link> : '…'}</dd>
        </div>
      )}
      {card.origin && (
        <div>
          <dt>From</dt>
          <dd>
            <Link to={`/teams/${teamId}/sprints/${card.origin.sprintId}/retrospective`}>
              an action in the retrospective of {card.origin.sprintName}
            </Link>
          </dd>
        </div>
      )}
    </dl>
  );
}

/**
 * A card's detail, beside the board: every field, the conversation, checklists, links to other teams' cards
 * and the history. Every save carries the version it was based on; a newer version elsewhere is shown, not overwritten.
 */
export function CardPanel() {
  const { teamId = '', cardId = '' } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const card = useQuery(cardQuery(cardId));
  const people = useQuery(cardOwnersQuery(teamId)).data ?? [];
  const principles = useActivePrinciples();
  const [notice, setNotice] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const close = useCallback(
    () => navigate({ pathname: `/teams/${teamId}/board`, search: params.toString() }),
    [navigate, teamId, params],
  );
  useEscapeKey(close);

  const reload = () => queryClient.invalidateQueries({ queryKey: cardKeys.detail(cardId) });

  /** Runs a write, then shows the card as saved; on a stale version shows the newer card instead of overwriting it. */
  const write = async (action: () => Promise<unknown>, done?: string | (() => string)): Promise<ApiError | null> => {
    setNotice(null);
    setSaved(null);
    try {
      await action();
      await reload();
      if (done) setSaved(typeof done === 'function' ? done() : done);
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

  const title = card.data?.title ?? 'Card';
  return (
    <aside className="card-panel" role="dialog" aria-labelledby="card-panel-title">
      <div className="card-panel-head">
        <div className="card-heading">
          <span className="muted card-kind">{card.data?.type === 'EXPERIMENT' ? 'Experiment' : 'Card'}</span>
          <h2 id="card-panel-title">{title}</h2>
        </div>
        <button type="button" onClick={close} aria-label="Close card">
          ×
        </button>
      </div>
      {notice && (
        <p role="alert" className="notice error">
          {notice}
        </p>
      )}
      <QueryState query={card} loading="Loading the card…" failed="This card could not be loaded">
        {(c) => (
          <>
            <CardWhere card={c} teamId={teamId} />
            {c.archivedAt && <p className="notice warning">This card is archived.</p>}
            <CardPmoHandling card={c} write={write} />
            <CardFields
              key={`${c.id}:${c.version}`}
              card={c}
              people={people}
              principles={principles}
              write={write}
              savedNote={saved}
            />
            <CardSprintField card={c} write={write} />
            <CardCampaignField card={c} write={write} />
            <CardWatchers cardId={c.id} />
            <CardAttachments card={c} write={write} />
            <CardApproval card={c} teamId={teamId} write={write} />
            <CardConversation card={c} write={write} />
            <CardLinks card={c} write={write} />
            <div className="card-actions">
              {c.archivedAt ? (
                <button
                  type="button"
                  onClick={() => void write(() => restoreCard(c.id, c.version), 'Restored the card.')}
                >
                  Restore card
                </button>
              ) : (
                <button
                  type="button"
                  onClick={() => void write(() => archiveCard(c.id, c.version), 'Archived the card.')}
                >
                  Archive card
                </button>
              )}
            </div>
            <CardHistory card={c} people={people} />
          </>
        )}
      </QueryState>
    </aside>
  );
}
