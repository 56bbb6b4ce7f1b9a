import { activityKinds } from '@amb/shared/activity';
import { AppError, notFound } from '../../lib/app-error';
import { requireAdmin } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { toUser, userSelect } from './list-users';

/** Lets a deactivated person sign in again, with the roles and teams they had. Admins only. */
export async function reactivatePerson({ db, actor }: ServiceContext, userId: string) {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, deactivatedAt: { not: null } },
      data: { deactivatedAt: null },
    });
    if (count === 0) {
      if (await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))
        throw new AppError('CONFLICT', 'This person is active');
      throw notFound('Person');
    }
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: userSelect });
    await recordActivity(tx, { actorId: actor.id, kind: activityKinds.personReactivated, to: { userId } });
    return toUser(user);
  });
}
