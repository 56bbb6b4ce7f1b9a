import { activityKinds } from '@amb/shared/activity';
import type { CardUpdateResult, CardWriteResult, createCardBodySchema } from '@amb/shared/cards';
import { mentionedIds } from '@amb/shared/notifications';
import type { z } from 'zod';
import { invalidField } from '../../lib/app-error';
import { unreachedMentions } from '../notifications/mention-names';
import { recordActivity } from '../activity/record-activity';
import { requireTeamAccess } from '../access/team-access';
import type { Prisma } from '../../db/prisma';
import type { ServiceContext } from '../context';
import { placeCard } from './placement/place-card';
import { trackBreaches } from './placement/wip-breaches';
import { cardSummaryInclude, toCardSummary } from './card-summary';
import { flowTimes } from '@amb/domain/flow-times';
import { cardDatesProblem } from '@amb/domain/card-dates';

export type CreateCardInput = z.output<typeof createCardBodySchema>;

/**
 * Quick add: a new card at the top or the bottom of a column, under its WIP limits and, in progress, its owners'.
 * People its description mentions are told as when a description is edited; those who cannot read it are named
 * back, so the writer is warned.
 */
export async function createCard({ db, actor }: ServiceContext, body: CreateCardInput): Promise<CardUpdateResult> {
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
  const datesProblem = cardDatesProblem(dateOf(body.startDate), dateOf(body.dueDate));
  if (datesProblem) throw invalidField('body.startDate', datesProblem);

  const description = body.description ?? '';
  const result = await db.$transaction(async (tx) => {
    const created = await insertCard(tx, { boardId, teamId, actorId: actor.id, ...body, ownerIds });
    // As owners given at creation: an entry of its own, which the notifications read.
    if (mentionedIds(description).length)
      await recordActivity(tx, {
        actorId: actor.id,
        teamId,
        boardId,
        cardId: created.card.id,
        sprintId: null,
        kind: activityKinds.cardUpdated,
        field: 'description',
        from: '',
        to: description,
      });
    return created;
  });
  return { ...result, unreachedMentions: await unreachedMentions(db, teamId, null, description) };
}

const dateOf = (d: string | null | undefined) => (d ? new Date(d) : null);

/** Places and writes a new card with its entries, inside the caller's transaction (quick add, a retrospective action). */
export async function insertCard(
  tx: Prisma.TransactionClient,
  body: Omit<CreateCardInput, 'ownerIds' | 'startDate' | 'dueDate'> &
    Partial<Pick<CreateCardInput, 'startDate' | 'dueDate'>> & {
      boardId: string;
      teamId: string;
      actorId: string;
      ownerIds?: string[];
    },
): Promise<CardWriteResult> {
  const { boardId, teamId, actorId } = body;
  const ownerIds = body.ownerIds ?? [];
  const dates = { startDate: dateOf(body.startDate), dueDate: dateOf(body.dueDate) };
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
      ...dates,
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
  for (const field of ['startDate', 'dueDate'] as const) {
    const set = dates[field];
    if (set)
      await recordActivity(tx, {
        actorId,
        teamId,
        boardId,
        cardId: card.id,
        sprintId: null,
        kind: activityKinds.cardUpdated,
        field,
        from: null,
        to: set.toISOString(),
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
