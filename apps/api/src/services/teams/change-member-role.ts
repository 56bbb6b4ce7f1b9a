import { activityKinds } from '@amb/shared/activity';
import type { TeamRole } from '@amb/domain/access';
import { notFound } from '../../lib/app-error';
import { requireAdmin } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';

export async function changeMemberRole({ db, actor }: ServiceContext, teamId: string, userId: string, role: TeamRole) {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({ where: { userId_teamId: { userId, teamId } } });
    if (!before) throw notFound('Member');
    const m = await tx.membership.update({
      where: { userId_teamId: { userId, teamId } },
      data: { role },
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    });
    await recordActivity(tx, { actorId: actor.id, teamId, kind: activityKinds.memberRoleChanged, from: { userId, role: before.role }, to: { userId, role } });
    return { userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, since: m.createdAt.toISOString() };
  });
}
