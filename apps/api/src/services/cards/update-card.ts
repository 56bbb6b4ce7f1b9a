import { activityKinds } from '@amb/shared/activity';
import type { CardWriteResult, UpdateCardBody } from '@amb/shared/cards';
import type { Prisma } from '../../db/prisma';
import { invalidField } from '../../lib/app-error';
import { recordActivity, type ActivityEntry } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { requireSprintPlanner } from '../sprints/sprint-access';
import { cardSummaryInclude, toCardSummary } from './card-summary';
import { loadCardFor, staleVersion } from './load-card';

const simpleFields = ['title', 'description', 'type', 'estimate', 'labels', 'blocked', 'blockedReason', 'sprintId', 'hypothesis', 'metric', 'experimentResult'] as const;

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Edits a card's fields; each changed field becomes one history entry. Based on a stale version, it is refused. */
export async function updateCard({ db, actor }: ServiceContext, cardId: string, body: UpdateCardBody): Promise<CardWriteResult> {
  const card = await loadCardFor(db, actor, cardId, 'work');
  if (card.version !== body.version) throw await staleVersion(db, cardId);
  const current = await db.card.findUniqueOrThrow({ where: { id: cardId }, include: cardSummaryInclude });

  if (body.ownerIds?.length) {
    const members = await db.membership.count({ where: { teamId: card.teamId, userId: { in: body.ownerIds } } });
    if (members !== new Set(body.ownerIds).size) throw invalidField('body.ownerIds', 'must all be members of the card’s team');
  }
  if (body.principleIds?.length) {
    const found = await db.principle.count({ where: { id: { in: body.principleIds }, archivedAt: null } });
    if (found !== new Set(body.principleIds).size) throw invalidField('body.principleIds', 'must all be principles in use');
  }
  if (body.sprintId !== undefined && body.sprintId !== current.sprintId) await requireSprintPlanner(db, actor, card.teamId);
  if (body.sprintId) {
    const sprint = await db.sprint.findFirst({ where: { id: body.sprintId, teamId: card.teamId }, select: { state: true } });
    if (!sprint) throw invalidField('body.sprintId', 'must be a sprint of the card’s team');
    if (sprint.state === 'CLOSED') throw invalidField('body.sprintId', 'must not be a closed sprint');
  }

  const data: Prisma.CardUncheckedUpdateManyInput = {};
  const history: ActivityEntry[] = [];
  const base = { actorId: actor.id, teamId: card.teamId, boardId: card.boardId, cardId, kind: activityKinds.cardUpdated };
  for (const field of simpleFields) {
    const next = body[field];
    if (next === undefined) continue;
    const before = current[field];
    if (JSON.stringify(before) === JSON.stringify(next)) continue;
    (data as Record<string, unknown>)[field] = next;
    history.push({ ...base, field, from: before, to: next, sprintId: field === 'sprintId' ? ((next as string | null) ?? (before as string | null)) : null });
  }
  if (body.dueDate !== undefined) {
    const next = body.dueDate === null ? null : new Date(body.dueDate);
    if ((current.dueDate?.getTime() ?? null) !== (next?.getTime() ?? null)) {
      data.dueDate = next;
      history.push({ ...base, field: 'dueDate', from: current.dueDate?.toISOString() ?? null, to: next?.toISOString() ?? null });
    }
  }
  if (data.blocked === true) data.blockedSince = new Date();
  if (data.blocked === false) {
    data.blockedSince = null;
    data.blockedReason = body.blockedReason ?? null;
  }
  const ownersBefore = current.owners.map((o) => o.userId);
  const ownersChange = body.ownerIds && !sameSet(ownersBefore, body.ownerIds);
  if (ownersChange) history.push({ ...base, field: 'ownerIds', from: ownersBefore, to: body.ownerIds });
  const principlesBefore = current.principles.map((p) => p.principleId);
  const principlesChange = body.principleIds && !sameSet(principlesBefore, body.principleIds);
  if (principlesChange) history.push({ ...base, field: 'principleIds', from: principlesBefore, to: body.principleIds });

  const result = await db.$transaction(async (tx) => {
    const updated = await tx.card.updateMany({ where: { id: cardId, version: body.version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count === 0) return null;
    if (ownersChange) {
      await tx.cardOwner.deleteMany({ where: { cardId } });
      await tx.cardOwner.createMany({ data: [...new Set(body.ownerIds)].map((userId) => ({ cardId, userId })) });
    }
    if (principlesChange) {
      await tx.cardPrinciple.deleteMany({ where: { cardId } });
      await tx.cardPrinciple.createMany({ data: [...new Set(body.principleIds)].map((principleId) => ({ cardId, principleId })) });
    }
    await recordActivity(tx, ...history);
    return { card: toCardSummary(await tx.card.findUniqueOrThrow({ where: { id: cardId }, include: cardSummaryInclude })), overLimit: [] };
  });
  if (!result) throw await staleVersion(db, cardId);
  return result;
}
