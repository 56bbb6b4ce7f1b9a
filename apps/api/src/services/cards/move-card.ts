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

  const result = await db.$transaction(async (tx) => {
    const placed = await placeCard(tx, {
      boardId: card.boardId,
      cardId,
      from,
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
    if (from.columnId !== to.columnId || from.swimlaneId !== to.swimlaneId) {
      await recordActivity(tx, {
        actorId: actor.id,
        teamId: card.teamId,
        boardId: card.boardId,
        cardId,
        kind: activityKinds.cardMoved,
        field: 'columnId',
        from: { ...from, flowCategory: placed.source?.flow_category ?? null },
        to: { ...to, flowCategory: placed.target.flow_category },
      });
      await trackBreaches(tx, {
        boardId: card.boardId,
        teamId: card.teamId,
        actorId: actor.id,
        columnIds: [...new Set([from.columnId, to.columnId])],
        swimlaneIds: [...new Set([from.swimlaneId, to.swimlaneId].filter((id): id is string => Boolean(id)))],
      });
    } else {
      await recordActivity(tx, { actorId: actor.id, teamId: card.teamId, boardId: card.boardId, cardId, kind: activityKinds.cardUpdated, field: 'rank', from: card.rank, to: placed.rank });
    }
    const saved = await tx.card.findUniqueOrThrow({ where: { id: cardId }, include: cardSummaryInclude });
    return { card: toCardSummary(saved), overLimit: placed.overLimit };
  });
  if (!result) throw await staleVersion(db, cardId);
  return result;
}
