import { activityKinds } from '@amb/shared/activity';
import { notFound } from '../../lib/app-error';
import { requireAdmin } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { toAdminTeam } from './list-admin-teams';

/** Gives a team a new name (its slug, used in links, stays). Admins only. */
export async function renameTeam({ db, actor }: ServiceContext, teamId: string, name: string) {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.team.findUnique({ where: { id: teamId }, select: { name: true } });
    if (!before) throw notFound('Team');
    const team = await tx.team.update({
      where: { id: teamId },
      data: { name },
      include: { _count: { select: { memberships: true } } },
    });
    if (before.name !== name) {
      await recordActivity(tx, {
        actorId: actor.id,
        teamId,
        kind: activityKinds.teamRenamed,
        from: { name: before.name },
        to: { name },
      });
    }
    return toAdminTeam(team);
  });
}
