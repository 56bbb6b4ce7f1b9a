import { activityKinds } from '@amb/shared/activity';
import { AppError, notFound } from '../../lib/app-error';
import { requireMemberManager } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { invitationState, toInvitation } from './invitation-token';

/** Withdraws a pending invitation, so its link stops working. Whoever may give its role on the team. */
export async function revokeInvitation({ db, actor }: ServiceContext, invitationId: string) {
  const invitation = await db.invitation.findUnique({ where: { id: invitationId } });
  if (!invitation) throw notFound('Invitation');
  await requireMemberManager(db, actor, invitation.teamId, invitation.role);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0)
      throw new AppError(
        'CONFLICT',
        `This invitation is ${invitationState(invitation).toLowerCase()}; only a pending one can be withdrawn`,
      );
    await recordActivity(tx, {
      actorId: actor.id,
      teamId: invitation.teamId,
      kind: activityKinds.invitationRevoked,
      from: { invitationId, email: invitation.email, teamId: invitation.teamId, role: invitation.role },
    });
    return toInvitation({ ...invitation, revokedAt: now }, null);
  });
}
