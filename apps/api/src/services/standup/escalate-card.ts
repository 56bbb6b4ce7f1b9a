import { activityKinds, type BlockerCategory } from '@amb/shared/activity';
import type { EscalateCardBody } from '@amb/shared/standup';
import { invalidField } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { loadOpenCardFor } from '../cards/load-card';
import { noPmoHandling } from '../obstacles/pmo-handling';

/**
 * Puts a blocked card on the PMO's obstacle list, or takes it off. Asking for the state it is already in changes
 * nothing and writes no entry. The card's version does not move: the flag is not part of what the board edits.
 */
export async function escalateCard({ db, actor }: ServiceContext, cardId: string, body: EscalateCardBody) {
  const card = await loadOpenCardFor(db, actor, cardId, 'work');
  return db.$transaction(async (tx) => {
    const subject = { actorId: actor.id, teamId: card.teamId, boardId: card.boardId, cardId, sprintId: card.sprintId };
    if (body.escalated) {
      const now = await tx.card.updateManyAndReturn({
        where: { id: cardId, blocked: true, escalatedAt: null, archivedAt: null },
        data: { escalatedAt: new Date(), ...noPmoHandling },
        select: { escalatedAt: true, blockedReason: true, blockerCategory: true },
      });
      if (now[0]) {
        await recordActivity(tx, {
          ...subject,
          kind: activityKinds.cardEscalated,
          to: { reason: now[0].blockedReason, category: now[0].blockerCategory as BlockerCategory | null },
        });
        return { cardId, escalatedAt: now[0].escalatedAt!.toISOString() };
      }
    } else {
      const cleared = await tx.card.updateMany({
        where: { id: cardId, escalatedAt: { not: null } },
        data: { escalatedAt: null, ...noPmoHandling },
      });
      if (cleared.count) {
        await recordActivity(tx, { ...subject, kind: activityKinds.cardEscalationCleared });
        return { cardId, escalatedAt: null };
      }
    }
    const current = await tx.card.findUniqueOrThrow({
      where: { id: cardId },
      select: { blocked: true, escalatedAt: true },
    });
    if (body.escalated && !current.blocked)
      throw invalidField('body.escalated', 'only a blocked card can be escalated to the PMO');
    return { cardId, escalatedAt: current.escalatedAt?.toISOString() ?? null };
  });
}
