import { canSeeTeam } from '@amb/domain/access';
import { activityKinds } from '@amb/shared/activity';
import { Prisma } from '../../db/prisma';
import { AppError, cardArchived, invalidField, notFound } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import { requireTeamAccess, teamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { linkedCardInclude, toLinkedCard } from './linked-card';
import { requireRoomOnCard } from './card-room';
import { loadOpenCardFor } from './load-card';

/** Links a card to another, on any board the person can see: depends on, blocks, relates. */
export async function addLink(
  { db, actor }: ServiceContext,
  cardId: string,
  body: { toCardId: string; kind: 'DEPENDS_ON' | 'BLOCKS' | 'RELATES' },
) {
  const card = await loadOpenCardFor(db, actor, cardId, 'work');
  if (body.toCardId === cardId) throw invalidField('body.toCardId', 'must be another card');
  const other = await db.card.findUnique({ where: { id: body.toCardId }, include: linkedCardInclude });
  const access = other ? await teamAccess(db, actor, other.board.teamId) : null;
  if (!other || !access || !canSeeTeam(access))
    throw new AppError('NOT_FOUND', 'Card to link not found', {
      fields: [{ field: 'body.toCardId', message: 'is not a card you can see' }],
    });
  if (other.archivedAt) throw cardArchived('body.toCardId');
  await requireRoomOnCard(db, cardId, 'links');
  await requireRoomOnCard(db, other.id, 'links');
  try {
    return await db.$transaction(async (tx) => {
      const link = await tx.cardLink.create({
        data: { fromCardId: cardId, toCardId: other.id, kind: body.kind, createdById: actor.id },
      });
      const entry = {
        actorId: actor.id,
        kind: activityKinds.linkAdded,
        to: { linkId: link.id, linkKind: body.kind, fromCardId: cardId, toCardId: other.id },
      };
      // Both cards' histories show the link, on each one's board.
      await recordActivity(
        tx,
        { ...entry, teamId: card.teamId, boardId: card.boardId, cardId, sprintId: card.sprintId },
        { ...entry, teamId: other.board.teamId, boardId: other.boardId, cardId: other.id, sprintId: other.sprintId },
      );
      return { id: link.id, kind: link.kind, direction: 'outgoing' as const, card: toLinkedCard(other) };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new AppError('CONFLICT', 'These cards are already linked that way');
    throw error;
  }
}

export async function removeLink({ db, actor }: ServiceContext, linkId: string) {
  const link = await db.cardLink.findUnique({
    where: { id: linkId },
    include: {
      fromCard: {
        select: { id: true, boardId: true, sprintId: true, archivedAt: true, board: { select: { teamId: true } } },
      },
      toCard: { select: { archivedAt: true } },
    },
  });
  if (!link) throw notFound('Link');
  await requireTeamAccess(db, actor, link.fromCard.board.teamId, 'work', 'Link');
  if (link.fromCard.archivedAt || link.toCard.archivedAt) throw cardArchived();
  await db.$transaction(async (tx) => {
    await tx.cardLink.delete({ where: { id: linkId } });
    await recordActivity(tx, {
      actorId: actor.id,
      teamId: link.fromCard.board.teamId,
      boardId: link.fromCard.boardId,
      cardId: link.fromCardId,
      sprintId: link.fromCard.sprintId,
      kind: activityKinds.linkRemoved,
      from: { linkId, linkKind: link.kind, fromCardId: link.fromCardId, toCardId: link.toCardId },
    });
  });
  return { ok: true as const };
}

/** Open cards whose title matches, across every team the person can see: for the link picker. */
export async function searchCards({ db, actor }: ServiceContext, q: string) {
  const orgWide = actor.orgRole === 'ADMIN' || actor.orgRole === 'PMO';
  const cards = await db.card.findMany({
    // % and _ are ordinary characters in a title; LIKE would read them as wildcards.
    where: {
      archivedAt: null,
      title: { contains: q.replace(/[\\%_]/g, (c) => `\\${c}`), mode: 'insensitive' },
      ...(orgWide ? {} : { board: { team: { memberships: { some: { userId: actor.id } } } } }),
    },
    include: linkedCardInclude,
    orderBy: { updatedAt: 'desc' },
    take: 20,
  });
  return { cards: cards.map(toLinkedCard) };
}
