import { canSeeTeam, type TeamRole } from '@amb/domain/access';
import { activityKinds } from '@amb/shared/activity';
import type { CardApproval, RequestApprovalBody } from '@amb/shared/approvals';
import { invalidField } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import { loadOpenCardFor } from '../cards/load-card';
import type { ServiceContext } from '../context';
import { approvalInclude, toApproval } from './approval-view';

/**
 * Sends the card (or its attachment's latest version) to named people for approval. Each must be able to read the
 * card. Asking again replaces the current request; the history keeps what was decided before.
 */
export async function requestApproval(
  { db, actor }: ServiceContext,
  cardId: string,
  body: { approverIds: string[]; attachmentId?: string | null; note: string } & RequestApprovalBody,
): Promise<CardApproval> {
  const card = await loadOpenCardFor(db, actor, cardId, 'work');
  const people = await db.user.findMany({
    where: { id: { in: body.approverIds }, deactivatedAt: null },
    select: { id: true, orgRole: true, memberships: { where: { teamId: card.teamId }, select: { role: true } } },
  });
  const readers = people.filter((p) =>
    canSeeTeam({ orgRole: p.orgRole, teamRole: (p.memberships[0]?.role as TeamRole | undefined) ?? null }),
  );
  if (readers.length !== body.approverIds.length)
    throw invalidField('body.approverIds', 'must name people who can see this card');
  let versionNumber: number | null = null;
  if (body.attachmentId) {
    const latest = await db.attachmentVersion.aggregate({
      where: { attachmentId: body.attachmentId, attachment: { cardId } },
      _max: { number: true },
    });
    if (latest._max.number === null) throw invalidField('body.attachmentId', 'is not an attachment of this card');
    versionNumber = latest._max.number;
  }
  const row = await db.$transaction(async (tx) => {
    await tx.approvalRequest.deleteMany({ where: { cardId } });
    const created = await tx.approvalRequest.create({
      data: {
        cardId,
        attachmentId: body.attachmentId ?? null,
        versionNumber,
        requestedById: actor.id,
        note: body.note,
        approvers: { create: body.approverIds.map((userId) => ({ userId })) },
      },
      include: approvalInclude,
    });
    await recordActivity(tx, {
      actorId: actor.id,
      teamId: card.teamId,
      boardId: card.boardId,
      cardId,
      sprintId: card.sprintId,
      kind: activityKinds.approvalRequested,
      to: {
        approvalId: created.id,
        approverIds: body.approverIds,
        attachmentId: body.attachmentId ?? null,
        versionNumber,
      },
    });
    return created;
  });
  return { approval: toApproval(row, actor.id) };
}
