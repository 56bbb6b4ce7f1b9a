import { approvalStanding } from '@amb/domain/approvals';
import type { Approval } from '@amb/shared/approvals';
import type { Prisma } from '../../db/prisma';

const person = { select: { id: true, name: true } } as const;

export const approvalInclude = {
  requestedBy: person,
  attachment: { select: { id: true, name: true } },
  approvers: { include: { user: person }, orderBy: { user: { name: 'asc' } } },
} satisfies Prisma.ApprovalRequestInclude;

type ApprovalRow = Prisma.ApprovalRequestGetPayload<{ include: typeof approvalInclude }>;

export function toApproval(row: ApprovalRow, actorId: string): Approval {
  const standing = approvalStanding(row.approvers.map((a) => a.decision));
  return {
    id: row.id,
    cardId: row.cardId,
    attachment:
      row.attachment && row.versionNumber !== null
        ? { id: row.attachment.id, name: row.attachment.name, versionNumber: row.versionNumber }
        : null,
    requestedBy: row.requestedBy,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    ...standing,
    approvers: row.approvers.map((a) => ({
      user: a.user,
      decision: a.decision,
      comment: a.comment,
      decidedAt: a.decidedAt?.toISOString() ?? null,
    })),
    canDecide: row.approvers.some((a) => a.userId === actorId),
  };
}
