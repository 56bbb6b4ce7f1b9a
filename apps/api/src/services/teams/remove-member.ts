import { activityKinds } from '@amb/shared/activity';
import { notFound } from '../../lib/app-error';
import { requireMemberManager } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';

/** Takes a person off a team. A scrum master may remove product owners, members and viewers. */
export async function removeMember({ db, actor }: ServiceContext, teamId: string, userId: string) {
  await requireMemberManager(db, actor, teamId);
  await db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({
      where: { userId_teamId: { userId, teamId } },
      select: { role: true },
    });
    if (!before) throw notFound('Member');
    await requireMemberManager(tx, actor, teamId, before.role);
    const { count } = await tx.membership.deleteMany({ where: { teamId, userId } });
    if (count === 0) throw notFound('Member');
    await recordActivity(tx, {
      actorId: actor.id,
      teamId,
      kind: activityKinds.memberRemoved,
      from: { userId, role: before.role },
    });
  });
}
