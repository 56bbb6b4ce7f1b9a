import { activityKinds } from '@amb/shared/activity';
import { notFound } from '../../lib/app-error';
import { requireAdmin } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';

export async function removeMember({ db, actor }: ServiceContext, teamId: string, userId: string) {
  requireAdmin(actor);
  await db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({ where: { userId_teamId: { userId, teamId } }, select: { role: true } });
    const { count } = await tx.membership.deleteMany({ where: { teamId, userId } });
    if (count === 0 || !before) throw notFound('Member');
    await recordActivity(tx, { actorId: actor.id, teamId, kind: activityKinds.memberRemoved, from: { userId, role: before.role } });
  });
}
