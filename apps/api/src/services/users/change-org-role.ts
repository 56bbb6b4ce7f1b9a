import { activityKinds } from '@amb/shared/activity';
import type { OrgRole } from '@amb/domain/access';
import { AppError, notFound } from '../../lib/app-error';
import { requireAdmin } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';

export async function changeOrgRole({ db, actor }: ServiceContext, userId: string, orgRole: OrgRole) {
  requireAdmin(actor);
  if (userId === actor.id && orgRole !== 'ADMIN') {
    throw new AppError('CONFLICT', 'You cannot remove your own admin role; ask another admin');
  }
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { orgRole: true } });
    if (!before) throw notFound('User');
    const user = await tx.user.update({
      where: { id: userId },
      data: { orgRole },
      select: { id: true, email: true, name: true, orgRole: true },
    });
    await recordActivity(tx, { actorId: actor.id, kind: activityKinds.orgRoleChanged, from: { userId, orgRole: before.orgRole }, to: { userId, orgRole } });
    return user;
  });
}
