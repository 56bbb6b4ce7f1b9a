import { activityKinds } from '@amb/shared/activity';
import type { CardWriteResult } from '@amb/shared/cards';
import { AppError } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { lockPlaces } from './placement/lock-order';
import { trackBreaches } from './placement/wip-breaches';
import { cardSummaryInclude, toCardSummary } from './card-summary';
import { loadCardFor, staleVersion } from './load-card';

/** Takes a card off the board; it keeps its history and can be restored. */
export async function archiveCard(
  { db, actor }: ServiceContext,
  cardId: string,
  version: number,
): Promise<CardWriteResult> {
  const card = await loadCardFor(db, actor, cardId, 'work');
  if (card.archivedAt) throw new AppError('CONFLICT', 'This card is already archived');
  if (card.version !== version) throw await staleVersion(db, cardId);
  const places = { columnIds: [card.columnId], swimlaneIds: card.swimlaneId ? [card.swimlaneId] : [] };
  const result = await db.$transaction(async (tx) => {
    // Its column's (and swimlane's) count goes down: taken one write at a time, so breaches end when they should.
    await lockPlaces(tx, places);
    const updated = await tx.card.updateMany({
      where: { id: cardId, version, archivedAt: null },
      data: { archivedAt: new Date(), version: { increment: 1 } },
    });
    if (updated.count === 0) return null;
    await recordActivity(tx, {
      actorId: actor.id,
      teamId: card.teamId,
      boardId: card.boardId,
      cardId,
      sprintId: card.sprintId,
      kind: activityKinds.cardArchived,
      from: { columnId: card.columnId, swimlaneId: card.swimlaneId, flowCategory: card.column.flowCategory },
    });
    await trackBreaches(tx, { boardId: card.boardId, teamId: card.teamId, actorId: actor.id, ...places });
    return {
      card: toCardSummary(await tx.card.findUniqueOrThrow({ where: { id: cardId }, include: cardSummaryInclude })),
      overLimit: [],
    };
  });
  if (!result) throw await staleVersion(db, cardId);
  return result;
}
