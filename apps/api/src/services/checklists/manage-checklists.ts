import { activityKinds } from '@amb/shared/activity';
import type { Db } from '../../db/prisma';
import { notFound } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import { requireTeamAccess } from '../access/team-access';
import type { Actor, ServiceContext } from '../context';
import { requireRoomOnCard } from '../cards/card-room';
import { loadCardFor } from '../cards/load-card';

const itemView = (i: { id: string; text: string; done: boolean; position: number }) => ({ id: i.id, text: i.text, done: i.done, position: i.position });

async function cardOfChecklist(db: Db, actor: Actor, checklistId: string) {
  const list = await db.checklist.findUnique({ where: { id: checklistId }, include: { card: { select: { id: true, boardId: true, board: { select: { teamId: true } } } } } });
  if (!list) throw notFound('Checklist');
  await requireTeamAccess(db, actor, list.card.board.teamId, 'work', 'Checklist');
  return { list, card: list.card, teamId: list.card.board.teamId };
}

async function cardOfItem(db: Db, actor: Actor, itemId: string) {
  const item = await db.checklistItem.findUnique({ where: { id: itemId }, select: { checklistId: true } });
  if (!item) throw notFound('Checklist item');
  return cardOfChecklist(db, actor, item.checklistId);
}

const log = (db: Db, actor: Actor, card: { id: string; boardId: string }, teamId: string, to: object) =>
  recordActivity(db, { actorId: actor.id, teamId, boardId: card.boardId, cardId: card.id, kind: activityKinds.checklistChanged, to });

export async function addChecklist({ db, actor }: ServiceContext, cardId: string, title: string) {
  const card = await loadCardFor(db, actor, cardId, 'work');
  const position = await db.checklist.count({ where: { cardId } });
  const list = await db.checklist.create({ data: { cardId, title, position } });
  await log(db, actor, card, card.teamId, { checklist: title, added: true });
  return { id: list.id, title: list.title, position: list.position, items: [] };
}

export async function addChecklistItem({ db, actor }: ServiceContext, checklistId: string, text: string) {
  const { card, teamId } = await cardOfChecklist(db, actor, checklistId);
  await requireRoomOnCard(db, card.id, 'checklistItems');
  const position = await db.checklistItem.count({ where: { checklistId } });
  const item = await db.checklistItem.create({ data: { checklistId, text, position } });
  await log(db, actor, card, teamId, { item: text, added: true });
  return itemView(item);
}

export async function updateChecklistItem({ db, actor }: ServiceContext, itemId: string, body: { text?: string; done?: boolean }) {
  const { card, teamId } = await cardOfItem(db, actor, itemId);
  const item = await db.checklistItem.update({ where: { id: itemId }, data: body });
  await log(db, actor, card, teamId, { item: item.text, done: item.done });
  return itemView(item);
}

export async function deleteChecklistItem({ db, actor }: ServiceContext, itemId: string) {
  const { card, teamId } = await cardOfItem(db, actor, itemId);
  const item = await db.checklistItem.delete({ where: { id: itemId } });
  await log(db, actor, card, teamId, { item: item.text, removed: true });
  return { ok: true as const };
}

export async function deleteChecklist({ db, actor }: ServiceContext, checklistId: string) {
  const { list, card, teamId } = await cardOfChecklist(db, actor, checklistId);
  await db.checklist.delete({ where: { id: checklistId } });
  await log(db, actor, card, teamId, { checklist: list.title, removed: true });
  return { ok: true as const };
}
