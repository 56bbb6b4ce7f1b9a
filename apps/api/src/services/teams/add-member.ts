import { activityKinds } from '@amb/shared/activity';
import type { TeamRole } from '@amb/domain/access';
import { AppError, notFound } from '../../lib/app-error';
import { requireAdmin } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';

/** Puts an existing account on a team with a role, or changes the role it has. Admins only. */
export async function addMember({ db, actor }: ServiceContext, teamId: string, body: { email: string; role: TeamRole }) {
  requireAdmin(actor);
  const team = await db.team.findUnique({ where: { id: teamId }, select: { id: true } });
  if (!team) throw notFound('Team');
  const user = await db.user.findUnique({ where: { email: body.email }, select: { id: true, name: true, email: true } });
  if (!user) {
    throw new AppError('VALIDATION_FAILED', 'No account has this email; ask them to sign up first', {
      fields: [{ field: 'body.email', message: 'has no account' }],
    });
  }
  const membership = await db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({ where: { userId_teamId: { userId: user.id, teamId } }, select: { role: true } });
    const m = await tx.membership.upsert({
      where: { userId_teamId: { userId: user.id, teamId } },
      create: { userId: user.id, teamId, role: body.role },
      update: { role: body.role },
    });
    const to = { userId: user.id, role: body.role };
    if (!before) await recordActivity(tx, { actorId: actor.id, teamId, kind: activityKinds.memberAdded, to });
    else if (before.role !== body.role) await recordActivity(tx, { actorId: actor.id, teamId, kind: activityKinds.memberRoleChanged, from: { userId: user.id, role: before.role }, to });
    return m;
  });
  return { userId: user.id, name: user.name, email: user.email, role: membership.role, since: membership.createdAt.toISOString() };
}
