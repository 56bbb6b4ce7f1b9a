import type { SignInBody } from '@amb/shared/auth';
import type { Db } from '../../db/prisma';
import { AppError } from '../../lib/app-error';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from '../../lib/passwords';
import { createSession } from './sessions';

export interface SignInPolicy {
  ttlHours: number;
  /** scrypt cost (log2 N) for new hashes; weaker stored hashes are replaced at sign-in. */
  hashCost: number;
  /** Wrong passwords in a row before the account is locked, and for how long. */
  accountLimit: number;
  lockoutMinutes: number;
}

/**
 * Checks the password and opens a session. Wrong passwords are counted per account, whatever address they come
 * from: at the limit the account refuses every sign-in (even the right password) for the lock-out window.
 */
export async function signIn(options: { db: Db; body: SignInBody; policy: SignInPolicy; userAgent?: string }) {
  const { db, body, policy } = options;
  const user = await db.user.findUnique({
    where: { email: body.email },
    select: { id: true, orgRole: true, passwordHash: true, signInLockedUntil: true, deactivatedAt: true },
  });
  if (!user) {
    await verifyPassword(body.password, await decoyHash(policy.hashCost));
    throw wrongCredentials();
  }
  await checkAccountPassword(db, user, body.password, policy);
  // Said only to someone who knows the password: an admin has deactivated the account.
  if (user.deactivatedAt) throw new AppError('FORBIDDEN', 'This account has been deactivated; ask an admin');
  // A hash made at an older, cheaper cost is replaced now, while the password is at hand.
  const passwordHash = needsRehash(user.passwordHash, policy.hashCost)
    ? await hashPassword(body.password, policy.hashCost)
    : undefined;
  await db.user.update({
    where: { id: user.id },
    data: { failedSignIns: 0, signInLockedUntil: null, ...(passwordHash ? { passwordHash } : {}) },
  });
  const session = await createSession(db, user.id, policy.ttlHours, options.userAgent);
  return { session, actor: { id: user.id, orgRole: user.orgRole } };
}

/**
 * The one check of an existing account's password, for sign-in and for joining a team through an invitation:
 * a locked account refuses even the right password, and each wrong one counts towards the lock, whichever way in.
 */
export async function checkAccountPassword(
  db: Db,
  user: { id: string; passwordHash: string; signInLockedUntil: Date | null },
  password: string,
  policy: Pick<SignInPolicy, 'accountLimit' | 'lockoutMinutes'>,
) {
  if (user.signInLockedUntil && user.signInLockedUntil.getTime() > Date.now()) throw locked(user.signInLockedUntil);
  if (await verifyPassword(password, user.passwordHash)) return;
  const { failedSignIns } = await db.user.update({
    where: { id: user.id },
    data: { failedSignIns: { increment: 1 } },
    select: { failedSignIns: true },
  });
  if (failedSignIns >= policy.accountLimit) {
    const until = new Date(Date.now() + policy.lockoutMinutes * 60_000);
    await db.user.updateMany({
      where: { id: user.id, failedSignIns: { gte: policy.accountLimit } },
      data: { failedSignIns: 0, signInLockedUntil: until },
    });
    throw locked(until);
  }
  throw wrongCredentials();
}

const wrongCredentials = () => new AppError('INVALID_CREDENTIALS', 'The email or the password is wrong');

function locked(until: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(
    'ACCOUNT_LOCKED',
    `Too many wrong passwords: this account is locked; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    {
      details: { retryAfterSeconds: Math.ceil((until.getTime() - Date.now()) / 1000) },
    },
  );
}
