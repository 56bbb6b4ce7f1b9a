import type { OrgRole } from '@amb/domain/access';
import { activityKinds } from '@amb/shared/activity';
import { requireAdmin } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { lockPersonForSeatChange } from './admin-seats';
import { toUser, userSelect } from './list-users';

/** Makes a person a member, PMO or admin of the organisation. The last active admin keeps their seat. Admins only. */
export async function changeOrgRole({ db, actor }: ServiceContext, userId: string, orgRole: OrgRole) {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    const before = await lockPersonForSeatChange(tx, actor, userId, { kind: 'org-role', to: orgRole });
    const user = await tx.user.update({ where: { id: userId }, data: { orgRole }, select: userSelect });
    if (before.orgRole !== orgRole) {
      await recordActivity(tx, {
        actorId: actor.id,
        kind: activityKinds.orgRoleChanged,
        from: { userId, orgRole: before.orgRole },
        to: { userId, orgRole },
      });
    }
    return toUser(user);
  });
}
