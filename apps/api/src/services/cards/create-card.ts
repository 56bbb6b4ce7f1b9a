import { activityKinds } from '@amb/shared/activity';
import type { CardWriteResult, createCardBodySchema } from '@amb/shared/cards';
import type { z } from 'zod';
import { invalidField } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import { requireTeamAccess } from '../access/team-access';
import type { Prisma } from '../../db/prisma';
import type { ServiceContext } from '../context';
import { placeCard } from './placement/place-card';
import { trackBreaches } from './placement/wip-breaches';
import { cardSummaryInclude, toCardSummary } from './card-summary';
import { flowTimes } from '@amb/domain/flow-times';

export type CreateCardInput = z.output<typeof createCardBodySchema>;

/** Quick add: a new card at the top or the bottom of a column, under its WIP limits and, in progress, its owners'. */
export async function createCard({ db, actor }: ServiceContext, body: CreateCardInput): Promise<CardWriteResult> {
  const column = await db.column.findUnique({
    where: { id: body.columnId },
    select: { boardId: true, board: { select: { teamId: true } } },
  });
  if (!column) throw invalidField('body.columnId', 'must be an existing column');
  const teamId = column.board.teamId;
  await requireTeamAccess(db, actor, teamId, 'work', 'Column');
  const boardId = column.boardId;
  const ownerIds = [...new Set(body.ownerIds)];
  if (
    ownerIds.length &&
    (await db.membership.count({ where: { teamId, userId: { in: ownerIds } } })) !== ownerIds.length
  ) {
    throw invalidField('body.ownerIds', 'must all be members of the card’s team');
  }

  return db.$transaction((tx) => insertCard(tx, { boardId, teamId, actorId: actor.id, ...body, ownerIds }));
}

/** Places and writes a new card with its entries, inside the caller's transaction (quick add, a retrospective action). */
export async function insertCard(
  tx: Prisma.TransactionClient,
  body: Omit<CreateCardInput, 'ownerIds'> & { boardId: string; teamId: string; actorId: string; ownerIds?: string[] },
): Promise<CardWriteResult> {
  const { boardId, teamId, actorId } = body;
  const ownerIds = body.ownerIds ?? [];
  const placed = await placeCard(tx, {
    boardId,
    cardId: null,
    from: null,
    to: { columnId: body.columnId, swimlaneId: body.swimlaneId },
    after: body.position,
    actorId,
    teamId,
    ownerIds,
  });
  const card = await tx.card.create({
    data: {
      boardId,
      columnId: body.columnId,
      swimlaneId: body.swimlaneId,
      title: body.title,
      type: body.type,
      description: body.description,
      rank: placed.rank,
      createdById: actorId,
      owners: { create: ownerIds.map((userId) => ({ userId })) },
      ...flowTimes({ startedAt: null, completedAt: null }, placed.target.flow_category),
    },
    include: cardSummaryInclude,
  });
  await recordActivity(tx, {
    actorId,
    teamId,
    boardId,
    cardId: card.id,
    kind: activityKinds.cardCreated,
    to: {
      columnId: body.columnId,
      swimlaneId: body.swimlaneId,
      flowCategory: placed.target.flow_category,
      title: body.title,
    },
    sprintId: null,
  });
  if (ownerIds.length) {
    await recordActivity(tx, {
      actorId,
      teamId,
      boardId,
      cardId: card.id,
      sprintId: null,
      kind: activityKinds.cardUpdated,
      field: 'ownerIds',
      from: [],
      to: ownerIds,
    });
  }
  await trackBreaches(tx, {
    boardId,
    teamId,
    actorId,
    columnIds: [body.columnId],
    swimlaneIds: body.swimlaneId ? [body.swimlaneId] : [],
  });
  return { card: toCardSummary(card), overLimit: placed.overLimit };
}
