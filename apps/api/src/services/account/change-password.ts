import type { ChangePasswordBody } from '@amb/shared/account';
import { AppError } from '../../lib/app-error';
import { hashPassword, verifyPassword } from '../../lib/passwords';
import type { ServiceContext } from '../context';

/**
 * Changes the signed-in person's password, given the current one, and ends every other session they have (a
 * browser left signed in elsewhere is signed out). The session making the change stays.
 */
export async function changePassword(
  { db, actor }: ServiceContext,
  body: ChangePasswordBody,
  currentSessionId: string,
  hashCost: number,
) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(body.currentPassword, user.passwordHash))) {
    throw new AppError('VALIDATION_FAILED', 'The current password is wrong', {
      fields: [{ field: 'body.currentPassword', message: 'is wrong' }],
    });
  }
  const passwordHash = await hashPassword(body.newPassword, hashCost);
  const ended = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    return (await tx.session.deleteMany({ where: { userId: actor.id, id: { not: currentSessionId } } })).count;
  });
  return { endedSessions: ended };
}
