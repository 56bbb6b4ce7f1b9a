import { activityKinds } from '@amb/shared/activity';
import { AppError, notFound } from '../../lib/app-error';
import { requireAdmin } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { toAdminTeam } from './list-admin-teams';

/**
 * Archives a team: it leaves everyone's team lists and takes no new invitations; its boards and history stay.
 * Pending invitations into it are revoked. Admins only.
 */
export async function archiveTeam({ db, actor }: ServiceContext, teamId: string) {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.team.updateMany({ where: { id: teamId, archivedAt: null }, data: { archivedAt: now } });
    const team = await tx.team.findUnique({ where: { id: teamId }, select: { name: true } });
    if (!team) throw notFound('Team');
    if (count === 0) throw new AppError('CONFLICT', 'This team is already archived');
    await tx.invitation.updateMany({ where: { teamId, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    await recordActivity(tx, {
      actorId: actor.id,
      teamId,
      kind: activityKinds.teamArchived,
      from: { name: team.name },
    });
    return toAdminTeam(
      await tx.team.findUniqueOrThrow({
        where: { id: teamId },
        include: { _count: { select: { memberships: true } } },
      }),
    );
  });
}
