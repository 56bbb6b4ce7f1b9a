import { activityKinds } from '@amb/shared/activity';
import type { CardApproval } from '@amb/shared/approvals';
import { AppError, notFound } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import { loadOpenCardFor } from '../cards/load-card';
import type { ServiceContext } from '../context';
import { approvalInclude, toApproval } from './approval-view';

/** One approver approves or asks for changes, with a comment; a later decision of theirs replaces it. */
export async function decideApproval(
  { db, actor }: ServiceContext,
  cardId: string,
  body: { decision: 'APPROVED' | 'CHANGES_REQUESTED'; comment: string },
): Promise<CardApproval> {
  const card = await loadOpenCardFor(db, actor, cardId, 'view');
  const request = await db.approvalRequest.findUnique({
    where: { cardId },
    select: { id: true, approvers: { where: { userId: actor.id }, select: { userId: true } } },
  });
  if (!request) throw notFound('Approval');
  if (!request.approvers.length)
    throw new AppError('FORBIDDEN', 'Only the people asked to approve this card can approve it or ask for changes');
  const row = await db.$transaction(async (tx) => {
    await tx.approver.update({
      where: { requestId_userId: { requestId: request.id, userId: actor.id } },
      data: { decision: body.decision, comment: body.comment, decidedAt: new Date() },
    });
    await recordActivity(tx, {
      actorId: actor.id,
      teamId: card.teamId,
      boardId: card.boardId,
      cardId,
      sprintId: card.sprintId,
      kind: activityKinds.approvalDecided,
      to: { approvalId: request.id, decision: body.decision, comment: body.comment },
    });
    return tx.approvalRequest.findUniqueOrThrow({ where: { id: request.id }, include: approvalInclude });
  });
  return { approval: toApproval(row, actor.id) };
}
