import { activityKinds } from '@amb/shared/activity';
import type { PmoHandlingBody } from '@amb/shared/obstacles';
import { invalidField } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import { loadOpenCardFor } from '../cards/load-card';
import type { ServiceContext } from '../context';
import { pmoHandlingSelect, toPmoHandling } from './pmo-handling';

/**
 * The PMO's flow for an escalated obstacle: it takes it on (being handled, by the person asking, with a note for
 * the team) and later says it is cleared on its side. Only an escalated card can be handled; the team ends the
 * flow by unblocking the card or taking it off the list. Like escalation, the card's version does not move.
 */
export async function setPmoHandling({ db, actor }: ServiceContext, cardId: string, body: PmoHandlingBody) {
  const card = await loadOpenCardFor(db, actor, cardId, 'handle-obstacles');
  return db.$transaction(async (tx) => {
    const changed = await tx.card.updateManyAndReturn({
      where: { id: cardId, escalatedAt: { not: null }, archivedAt: null },
      data: { pmoState: body.state, pmoHandlerId: actor.id, pmoNote: body.note, pmoStateAt: new Date() },
      select: { id: true },
    });
    if (!changed.length)
      throw invalidField('body.state', 'needs a card escalated to the PMO: this card is not on the obstacle list');
    const subject = { actorId: actor.id, teamId: card.teamId, boardId: card.boardId, cardId, sprintId: card.sprintId };
    const to = { handlerId: actor.id, note: body.note };
    await recordActivity(tx, {
      ...subject,
      kind: body.state === 'handling' ? activityKinds.cardEscalationHandling : activityKinds.cardEscalationResolved,
      to,
    });
    const now = await tx.card.findUniqueOrThrow({ where: { id: cardId }, select: pmoHandlingSelect });
    return { cardId, pmo: toPmoHandling(now)! };
  });
}
