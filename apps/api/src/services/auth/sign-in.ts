import type { SignInBody } from '@amb/shared/auth';
import type { Db } from '../../db/prisma';
import { AppError } from '../../lib/app-error';
import { decoyHash, verifyPassword } from '../../lib/passwords';
import { createSession } from './sessions';

export async function signIn(options: { db: Db; body: SignInBody; ttlHours: number }) {
  const { db, body, ttlHours } = options;
  const user = await db.user.findUnique({ where: { email: body.email }, select: { id: true, orgRole: true, passwordHash: true } });
  const valid = await verifyPassword(body.password, user?.passwordHash ?? (await decoyHash));
  if (!user || !valid) throw new AppError('INVALID_CREDENTIALS', 'The email or the password is wrong');
  const session = await createSession(db, user.id, ttlHours);
  return { session, actor: { id: user.id, orgRole: user.orgRole } };
}
