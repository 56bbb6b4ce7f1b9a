import { activityKinds } from '@amb/shared/activity';
import type { CardWriteResult, MoveCardBody } from '@amb/shared/cards';
import { AppError } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { placeCard, trackBreaches } from './card-placement';
import { cardSummaryInclude, toCardSummary } from './card-summary';
import { flowTimes } from './flow-times';
import { loadCardFor, staleVersion } from './load-card';

/** Moves a card to a column (and swimlane), right after another card or at the top, under the WIP limits. */
export async function moveCard({ db, actor }: ServiceContext, cardId: string, body: MoveCardBody): Promise<CardWriteResult> {
  const card = await loadCardFor(db, actor, cardId, 'work');
  if (card.archivedAt) throw new AppError('CONFLICT', 'This card is archived; restore it before moving it');
  if (card.version !== body.version) throw await staleVersion(db, cardId);
  const from = { columnId: card.columnId, swimlaneId: card.swimlaneId };
  const to = { columnId: body.columnId, swimlaneId: body.swimlaneId === undefined ? card.swimlaneId : body.swimlaneId };
  const changesPlace = from.columnId !== to.columnId || from.swimlaneId !== to.swimlaneId;

  const overLimit = await db.$transaction(async (tx) => {
    const placed = await placeCard(tx, {
      boardId: card.boardId,
      cardId,
      from,
      fromFlow: card.column.flowCategory,
      to,
      after: body.afterCardId ?? 'top',
      afterField: 'body.afterCardId',
      actorId: actor.id,
      teamId: card.teamId,
    });
    // The version in the condition makes two concurrent moves of one card settle: the second finds no row.
    const updated = await tx.card.updateMany({
      where: { id: cardId, version: body.version },
      data: { ...to, rank: placed.rank, version: { increment: 1 }, ...flowTimes(card, placed.target.flow_category) },
    });
    if (updated.count === 0) return null;
    const base = { actorId: actor.id, teamId: card.teamId, boardId: card.boardId, cardId };
    if (!changesPlace) {
      await recordActivity(tx, { ...base, kind: activityKinds.cardUpdated, field: 'rank', from: card.rank, to: placed.rank });
      return placed.overLimit;
    }
    await recordActivity(tx, {
      ...base,
      kind: activityKinds.cardMoved,
      field: 'columnId',
      from: { ...from, flowCategory: card.column.flowCategory },
      to: { ...to, flowCategory: placed.target.flow_category },
    });
    // Breaches only concern places with a limit; most moves have none to look at.
    const columnIds = [placed.target.wip_limit !== null ? to.columnId : null, card.column.wipLimit !== null ? from.columnId : null].filter((id): id is string => Boolean(id));
    const swimlaneIds = [placed.targetLane?.wip_limit != null ? to.swimlaneId : null, card.swimlane?.wipLimit != null ? from.swimlaneId : null].filter((id): id is string => Boolean(id));
    if (columnIds.length || swimlaneIds.length) {
      await trackBreaches(tx, { boardId: card.boardId, teamId: card.teamId, actorId: actor.id, columnIds: [...new Set(columnIds)], swimlaneIds: [...new Set(swimlaneIds)] });
    }
    return placed.overLimit;
  });
  if (!overLimit) throw await staleVersion(db, cardId);
  // Read after the commit, outside the column lock: the card as it is now.
  const saved = await db.card.findUniqueOrThrow({ where: { id: cardId }, include: cardSummaryInclude });
  return { card: toCardSummary(saved), overLimit };
}
