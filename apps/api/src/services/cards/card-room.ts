import { cardLimitProblem, cardLimits, type CardLimitKind } from '@amb/domain/card-limits';
import type { Db } from '../../db/prisma';
import { AppError } from '../../lib/app-error';

const counters: Record<CardLimitKind, (db: Db, cardId: string) => Promise<number>> = {
  comments: (db, cardId) => db.comment.count({ where: { cardId } }),
  checklistItems: (db, cardId) => db.checklistItem.count({ where: { checklist: { cardId } } }),
  links: (db, cardId) => db.cardLink.count({ where: { OR: [{ fromCardId: cardId }, { toCardId: cardId }] } }),
};

/**
 * Refuses (409 LIMIT_REACHED) one more comment, checklist item or link on a full card. Checked before the write:
 * simultaneous additions may pass it together, so a card can exceed its limit by at most that many.
 */
export async function requireRoomOnCard(
  db: Db,
  cardId: string,
  kind: CardLimitKind,
  limits: Record<CardLimitKind, number> = cardLimits,
) {
  const problem = cardLimitProblem(kind, await counters[kind](db, cardId), limits);
  if (problem) throw new AppError('LIMIT_REACHED', problem, { details: { limit: limits[kind], kind } });
}
