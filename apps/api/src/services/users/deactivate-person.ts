import { activityKinds } from '@amb/shared/activity';
import { AppError } from '../../lib/app-error';
import { requireAdmin } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { lockPersonForSeatChange } from './admin-seats';
import { toUser, userSelect } from './list-users';

/**
 * Deactivates a person: they can no longer sign in, and every session they have ends in the same transaction, so
 * their next request (and their open live streams, which re-check the session) is refused. Admins only.
 */
export async function deactivatePerson({ db, actor }: ServiceContext, userId: string) {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    const person = await lockPersonForSeatChange(tx, actor, userId, { kind: 'deactivate' });
    if (person.deactivatedAt) throw new AppError('CONFLICT', 'This person is already deactivated');
    const user = await tx.user.update({
      where: { id: userId },
      data: { deactivatedAt: new Date() },
      select: userSelect,
    });
    await tx.session.deleteMany({ where: { userId } });
    await tx.invitation.updateMany({
      where: { invitedById: userId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordActivity(tx, { actorId: actor.id, kind: activityKinds.personDeactivated, to: { userId } });
    return toUser(user);
  });
}
