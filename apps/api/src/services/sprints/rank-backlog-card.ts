import { rankBetween, spreadRanks } from '@amb/domain/ranks';
import { activityKinds } from '@amb/shared/activity';
import type { Backlog, RankBacklogBody } from '@amb/shared/sprints';
import { invalidField } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import { loadCardFor } from '../cards/load-card';
import type { ServiceContext } from '../context';
import { backlogOrder, backlogWhere, listBacklog } from './list-backlog';

/**
 * Moves a card in its team's backlog to right after another (or to the top). The first time a backlog is ranked,
 * every card in it gets a rank in its current order, so the order people see is the order kept.
 */
export async function rankBacklogCard(ctx: ServiceContext, cardId: string, body: RankBacklogBody): Promise<Backlog> {
  const { db, actor } = ctx;
  const card = await loadCardFor(db, actor, cardId, 'manage-sprints');
  if (body.afterCardId === cardId) throw invalidField('body.afterCardId', 'must be another card');
  await db.$transaction(async (tx) => {
    // One re-ranking of a team's backlog at a time, so two drops do not pick the same rank.
    await tx.$queryRaw`SELECT id FROM teams WHERE id = ${card.teamId} FOR UPDATE`;
    const order = await tx.card.findMany({
      where: backlogWhere(card.teamId),
      orderBy: backlogOrder,
      select: { id: true, backlogRank: true },
    });
    if (!order.some((c) => c.id === cardId)) throw invalidField('params.cardId', 'must be a card in the backlog');
    if (order.some((c) => c.backlogRank === null)) {
      const ranks = spreadRanks(order.length);
      order.forEach((c, i) => (c.backlogRank = ranks[i]!));
      await tx.$executeRaw`UPDATE cards SET backlog_rank = v.rank FROM unnest(${order.map((c) => c.id)}::text[], ${ranks}::text[]) AS v(id, rank) WHERE cards.id = v.id`;
    }
    const rest = order.filter((c) => c.id !== cardId);
    const at = body.afterCardId === null ? 0 : rest.findIndex((c) => c.id === body.afterCardId) + 1;
    if (at === 0 && body.afterCardId !== null)
      throw invalidField('body.afterCardId', 'must be a card in the same backlog');
    const rank = rankBetween(rest[at - 1]?.backlogRank ?? null, rest[at]?.backlogRank ?? null);
    await tx.card.update({ where: { id: cardId }, data: { backlogRank: rank } });
    await recordActivity(tx, {
      actorId: actor.id,
      teamId: card.teamId,
      boardId: card.boardId,
      cardId,
      sprintId: card.sprintId,
      kind: activityKinds.cardBacklogRanked,
      to: { afterCardId: body.afterCardId },
    });
  });
  return listBacklog(ctx, card.teamId);
}
