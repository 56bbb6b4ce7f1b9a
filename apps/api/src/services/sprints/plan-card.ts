import { activityKinds } from '@amb/shared/activity';
import type { CardSummary } from '@amb/shared/boards';
import type { PlanCardBody } from '@amb/shared/sprints';
import { AppError, invalidField } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import { cardSummaryInclude, toCardSummary } from '../cards/card-summary';
import { loadCardFor } from '../cards/load-card';
import type { ServiceContext } from '../context';

/** Puts a card into a planned or active sprint of its team, or back into the backlog (sprintId null). */
export async function planCard(
  { db, actor }: ServiceContext,
  cardId: string,
  body: PlanCardBody,
): Promise<CardSummary> {
  const card = await loadCardFor(db, actor, cardId, 'manage-sprints');
  if (card.archivedAt) throw new AppError('CONFLICT', 'An archived card cannot be planned; restore it first');
  if (body.sprintId) {
    const sprint = await db.sprint.findUnique({ where: { id: body.sprintId }, select: { teamId: true, state: true } });
    if (!sprint || sprint.teamId !== card.teamId)
      throw invalidField('body.sprintId', 'must be a sprint of the card’s team');
    if (sprint.state === 'CLOSED') throw invalidField('body.sprintId', 'must not be a closed sprint');
  }
  return db.$transaction(async (tx) => {
    // The card's row, read under lock, says where it is now: two planners moving it at once are both recorded.
    const [now] = await tx.$queryRaw<
      { sprint_id: string | null }[]
    >`SELECT sprint_id FROM cards WHERE id = ${cardId} FOR UPDATE`;
    const from = now?.sprint_id ?? null;
    if (from !== body.sprintId) {
      if (body.sprintId) {
        const [target] = await tx.$queryRaw<
          { state: string }[]
        >`SELECT state::text FROM sprints WHERE id = ${body.sprintId} FOR SHARE`;
        if (target?.state === 'CLOSED') throw invalidField('body.sprintId', 'must not be a closed sprint');
      }
      await tx.card.update({ where: { id: cardId }, data: { sprintId: body.sprintId, version: { increment: 1 } } });
      await recordActivity(tx, {
        actorId: actor.id,
        teamId: card.teamId,
        boardId: card.boardId,
        cardId,
        sprintId: body.sprintId,
        kind: activityKinds.cardSprintChanged,
        from: { sprintId: from },
        to: { sprintId: body.sprintId },
      });
    }
    return toCardSummary(await tx.card.findUniqueOrThrow({ where: { id: cardId }, include: cardSummaryInclude }));
  });
}
