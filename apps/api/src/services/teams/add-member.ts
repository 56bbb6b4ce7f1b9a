import type { TeamRole } from '@amb/domain/access';
import { activityKinds } from '@amb/shared/activity';
import { AppError } from '../../lib/app-error';
import { requireMemberManager } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { toMember } from './list-members';

/**
 * Puts an existing account on a team with a role, or changes the role it has. Admins, and the team's scrum
 * masters for roles below scrum master.
 */
export async function addMember(
  { db, actor }: ServiceContext,
  teamId: string,
  body: { email: string; role: TeamRole },
) {
  await requireMemberManager(db, actor, teamId, body.role);
  const user = await db.user.findUnique({
    where: { email: body.email },
    select: { id: true, name: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) {
    throw new AppError('VALIDATION_FAILED', 'No active account has this email; send an invitation instead', {
      fields: [{ field: 'body.email', message: 'has no account' }],
    });
  }
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({
      where: { userId_teamId: { userId: user.id, teamId } },
      select: { role: true },
    });
    if (before) await requireMemberManager(tx, actor, teamId, before.role);
    const m = await tx.membership.upsert({
      where: { userId_teamId: { userId: user.id, teamId } },
      create: { userId: user.id, teamId, role: body.role },
      update: { role: body.role },
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    });
    if (!before) {
      await recordActivity(tx, {
        actorId: actor.id,
        teamId,
        kind: activityKinds.memberAdded,
        to: { userId: user.id, role: body.role },
      });
    } else if (before.role !== body.role) {
      await recordActivity(tx, {
        actorId: actor.id,
        teamId,
        kind: activityKinds.memberRoleChanged,
        from: { userId: user.id, role: before.role },
        to: { userId: user.id, role: body.role },
      });
    }
    return toMember(m);
  });
}
