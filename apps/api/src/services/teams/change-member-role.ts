import type { TeamRole } from '@amb/domain/access';
import { activityKinds } from '@amb/shared/activity';
import { notFound } from '../../lib/app-error';
import { requireMemberManager } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { toMember } from './list-members';

/** Changes a member's role. A scrum master may move people among the roles below scrum master. */
export async function changeMemberRole({ db, actor }: ServiceContext, teamId: string, userId: string, role: TeamRole) {
  await requireMemberManager(db, actor, teamId, role);
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({
      where: { userId_teamId: { userId, teamId } },
      select: { role: true },
    });
    if (!before) throw notFound('Member');
    await requireMemberManager(tx, actor, teamId, before.role);
    const m = await tx.membership.update({
      where: { userId_teamId: { userId, teamId } },
      data: { role },
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    });
    if (before.role !== role) {
      await recordActivity(tx, {
        actorId: actor.id,
        teamId,
        kind: activityKinds.memberRoleChanged,
        from: { userId, role: before.role },
        to: { userId, role },
      });
    }
    return toMember(m);
  });
}
