import { activityKinds } from '@amb/shared/activity';
import type { CardWriteResult } from '@amb/shared/cards';
import { AppError } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { placeCard } from './placement/place-card';
import { trackBreaches } from './placement/wip-breaches';
import { cardSummaryInclude, toCardSummary } from './card-summary';
import { loadCardFor, staleVersion } from './load-card';

/** Puts an archived card back at the bottom of its column, if the column's WIP limits (and, in progress, its owners') let it in. */
export async function restoreCard(
  { db, actor }: ServiceContext,
  cardId: string,
  version: number,
): Promise<CardWriteResult> {
  const card = await loadCardFor(db, actor, cardId, 'work');
  if (!card.archivedAt) throw new AppError('CONFLICT', 'This card is not archived');
  if (card.version !== version) throw await staleVersion(db, cardId);
  const result = await db.$transaction(async (tx) => {
    const placed = await placeCard(tx, {
      boardId: card.boardId,
      cardId,
      from: null,
      to: { columnId: card.columnId, swimlaneId: card.swimlaneId },
      after: 'bottom',
      actorId: actor.id,
      teamId: card.teamId,
    });
    const updated = await tx.card.updateMany({
      where: { id: cardId, version },
      data: { archivedAt: null, rank: placed.rank, version: { increment: 1 } },
    });
    if (updated.count === 0) return null;
    await recordActivity(tx, {
      actorId: actor.id,
      teamId: card.teamId,
      boardId: card.boardId,
      cardId,
      sprintId: card.sprintId,
      kind: activityKinds.cardRestored,
      to: { columnId: card.columnId, swimlaneId: card.swimlaneId, flowCategory: placed.target.flow_category },
    });
    await trackBreaches(tx, {
      boardId: card.boardId,
      teamId: card.teamId,
      actorId: actor.id,
      columnIds: [card.columnId],
      swimlaneIds: card.swimlaneId ? [card.swimlaneId] : [],
    });
    return {
      card: toCardSummary(await tx.card.findUniqueOrThrow({ where: { id: cardId }, include: cardSummaryInclude })),
      overLimit: placed.overLimit,
    };
  });
  if (!result) throw await staleVersion(db, cardId);
  return result;
}
