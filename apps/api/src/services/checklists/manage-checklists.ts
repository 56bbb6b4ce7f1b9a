import { activityKinds, type AnyActivityPayloadInput } from '@amb/shared/activity';
import type { Db, Prisma } from '../../db/prisma';
import { cardArchived, notFound } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import { requireTeamAccess } from '../access/team-access';
import type { Actor, ServiceContext } from '../context';
import { requireRoomOnCard } from '../cards/card-room';
import { loadOpenCardFor } from '../cards/load-card';

const itemView = (i: { id: string; text: string; done: boolean; position: number }) => ({
  id: i.id,
  text: i.text,
  done: i.done,
  position: i.position,
});

async function cardOfChecklist(db: Db, actor: Actor, checklistId: string) {
  const list = await db.checklist.findUnique({
    where: { id: checklistId },
    include: {
      card: {
        select: { id: true, boardId: true, sprintId: true, archivedAt: true, board: { select: { teamId: true } } },
      },
    },
  });
  if (!list) throw notFound('Checklist');
  await requireTeamAccess(db, actor, list.card.board.teamId, 'work', 'Checklist');
  if (list.card.archivedAt) throw cardArchived();
  return { list, card: list.card, teamId: list.card.board.teamId };
}

async function cardOfItem(db: Db, actor: Actor, itemId: string) {
  const item = await db.checklistItem.findUnique({ where: { id: itemId }, select: { checklistId: true } });
  if (!item) throw notFound('Checklist item');
  return cardOfChecklist(db, actor, item.checklistId);
}

type Tx = Prisma.TransactionClient;
type CardRef = { id: string; boardId: string; sprintId: string | null };
type ChecklistChange = Extract<AnyActivityPayloadInput, { kind: `checklist.${string}` }>;

/** Writes a checklist change and its history entry in one transaction. */
const log = (tx: Tx, actor: Actor, card: CardRef, teamId: string, change: ChecklistChange) =>
  recordActivity(tx, {
    actorId: actor.id,
    teamId,
    boardId: card.boardId,
    cardId: card.id,
    sprintId: card.sprintId,
    ...change,
  });

export async function addChecklist({ db, actor }: ServiceContext, cardId: string, title: string) {
  const card = await loadOpenCardFor(db, actor, cardId, 'work');
  return db.$transaction(async (tx) => {
    const position = await tx.checklist.count({ where: { cardId } });
    const list = await tx.checklist.create({ data: { cardId, title, position } });
    await log(tx, actor, card, card.teamId, {
      kind: activityKinds.checklistAdded,
      to: { checklistId: list.id, title },
    });
    return { id: list.id, title: list.title, position: list.position, items: [] };
  });
}

export async function addChecklistItem({ db, actor }: ServiceContext, checklistId: string, text: string) {
  const { card, teamId } = await cardOfChecklist(db, actor, checklistId);
  await requireRoomOnCard(db, card.id, 'checklistItems');
  return db.$transaction(async (tx) => {
    const position = await tx.checklistItem.count({ where: { checklistId } });
    const item = await tx.checklistItem.create({ data: { checklistId, text, position } });
    await log(tx, actor, card, teamId, { kind: activityKinds.checklistItemAdded, to: { itemId: item.id, text } });
    return itemView(item);
  });
}

export async function updateChecklistItem(
  { db, actor }: ServiceContext,
  itemId: string,
  body: { text?: string; done?: boolean },
) {
  const { card, teamId } = await cardOfItem(db, actor, itemId);
  return db.$transaction(async (tx) => {
    const before = await tx.checklistItem.findUniqueOrThrow({ where: { id: itemId } });
    const item = await tx.checklistItem.update({ where: { id: itemId }, data: body });
    await log(tx, actor, card, teamId, {
      kind: activityKinds.checklistItemUpdated,
      from: { itemId, text: before.text, done: before.done },
      to: { itemId, text: item.text, done: item.done },
    });
    return itemView(item);
  });
}

export async function deleteChecklistItem({ db, actor }: ServiceContext, itemId: string) {
  const { card, teamId } = await cardOfItem(db, actor, itemId);
  await db.$transaction(async (tx) => {
    const item = await tx.checklistItem.delete({ where: { id: itemId } });
    await log(tx, actor, card, teamId, { kind: activityKinds.checklistItemRemoved, from: { itemId, text: item.text } });
  });
  return { ok: true as const };
}

export async function deleteChecklist({ db, actor }: ServiceContext, checklistId: string) {
  const { list, card, teamId } = await cardOfChecklist(db, actor, checklistId);
  await db.$transaction(async (tx) => {
    await tx.checklist.delete({ where: { id: checklistId } });
    await log(tx, actor, card, teamId, {
      kind: activityKinds.checklistRemoved,
      from: { checklistId, title: list.title },
    });
  });
  return { ok: true as const };
}
