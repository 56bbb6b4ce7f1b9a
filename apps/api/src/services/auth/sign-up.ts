import type { SignUpBody } from '@amb/shared/auth';
import type { Db } from '../../db/prisma';
import { Prisma } from '../../db/prisma';
import { AppError } from '../../lib/app-error';
import { hashPassword } from '../../lib/passwords';
import { createSession } from './sessions';

/** Creates an account and signs it in. The first account of an empty installation becomes its admin. */
export async function signUp(options: { db: Db; body: SignUpBody; ttlHours: number; hashCost: number; allowed: boolean }) {
  const { db, body, ttlHours, hashCost, allowed } = options;
  if (!allowed) throw new AppError('SIGN_UP_CLOSED', 'Sign-up is closed here; ask an admin for an account');
  const passwordHash = await hashPassword(body.password, hashCost);
  try {
    const user = await db.$transaction(async (tx) => {
      const isFirst = (await tx.user.count()) === 0;
      return tx.user.create({
        data: { email: body.email, name: body.name, passwordHash, orgRole: isFirst ? 'ADMIN' : 'NONE' },
        select: { id: true, orgRole: true },
      });
    });
    const session = await createSession(db, user.id, ttlHours);
    return { session, actor: { id: user.id, orgRole: user.orgRole } };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('EMAIL_TAKEN', 'An account with this email already exists', {
        fields: [{ field: 'body.email', message: 'is already registered' }],
      });
    }
    throw error;
  }
}
