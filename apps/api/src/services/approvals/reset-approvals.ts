import { activityKinds } from '@amb/shared/activity';
import type { Prisma } from '../../db/prisma';
import { recordActivity, type ActivitySubject, type InTransaction } from '../activity/record-activity';

/**
 * A new version of an attachment under approval: the request moves to it and every decision is pending again,
 * logged in the same transaction as the upload.
 */
export async function resetApprovalsFor<T extends Prisma.TransactionClient>(
  tx: InTransaction<T>,
  attachmentId: string,
  versionNumber: number,
  subject: ActivitySubject,
) {
  const requests = await tx.approvalRequest.findMany({ where: { attachmentId }, select: { id: true } });
  for (const { id } of requests) {
    await tx.approvalRequest.update({ where: { id }, data: { versionNumber } });
    await tx.approver.updateMany({
      where: { requestId: id },
      data: { decision: 'PENDING', comment: '', decidedAt: null },
    });
    await recordActivity(tx, {
      ...subject,
      kind: activityKinds.approvalReset,
      to: { approvalId: id, versionNumber },
    });
  }
}
