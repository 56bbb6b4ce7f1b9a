import type { SignInBody } from '@amb/shared/auth';
import type { Db } from '../../db/prisma';
import { AppError } from '../../lib/app-error';
import { decoyHash, verifyPassword } from '../../lib/passwords';
import { createSession } from './sessions';

export async function signIn(options: { db: Db; body: SignInBody; ttlHours: number; userAgent?: string }) {
  const { db, body, ttlHours } = options;
  const user = await db.user.findUnique({ where: { email: body.email }, select: { id: true, orgRole: true, passwordHash: true, deactivatedAt: true } });
  const valid = await verifyPassword(body.password, user?.passwordHash ?? (await decoyHash));
  if (!user || !valid) throw new AppError('INVALID_CREDENTIALS', 'The email or the password is wrong');
  // Said only to someone who knows the password: an admin has deactivated the account.
  if (user.deactivatedAt) throw new AppError('FORBIDDEN', 'This account has been deactivated; ask an admin');
  const session = await createSession(db, user.id, ttlHours, options.userAgent);
  return { session, actor: { id: user.id, orgRole: user.orgRole } };
}
