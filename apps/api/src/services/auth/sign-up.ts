import { signUpDecision } from '@amb/domain/organisation';
import type { SignUpBody } from '@amb/shared/sign-up';
import type { Me } from '@amb/shared/auth';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/prisma';
import { Prisma } from '../../db/prisma';
import { AppError } from '../../lib/app-error';
import type { Mailer } from '../../lib/mailer';
import { hashPassword } from '../../lib/passwords';
import { readSignUpSettings } from '../settings/sign-up-settings';
import { createSession, decoySession } from './sessions';

export type SignUpResult =
  | {
      kind: 'created';
      session: { token: string; expiresAt: Date };
      actor: { id: string; orgRole: Me['user']['orgRole'] };
    }
  /** The address has an account: the answer looks like a new account's, but opens no session. */
  | { kind: 'decoy'; session: { token: string; expiresAt: Date }; me: Me };

/**
 * Creates an account and signs it in. The first account of an empty installation becomes its admin; later ones
 * need the sign-up policy to allow them. Signing up with an address that has an account answers as a new
 * sign-up would (so sign-up cannot be used to learn who has an account) and tells the owner by mail.
 */
export async function signUp(options: {
  db: Db;
  body: SignUpBody;
  ttlHours: number;
  hashCost: number;
  enabled: boolean;
  mailer: Mailer | null;
  origin: string;
  log?: (m: string) => void;
  userAgent?: string;
}): Promise<SignUpResult> {
  const { db, body, ttlHours } = options;
  const [settings, anyone] = await Promise.all([readSignUpSettings(db), db.user.findFirst({ select: { id: true } })]);
  const decision = options.enabled || !anyone ? signUpDecision(settings, body.email, !anyone) : 'invitation-only';
  if (decision === 'invitation-only')
    throw new AppError(
      'SIGN_UP_CLOSED',
      'Accounts here are made by invitation; ask an admin or your scrum master to invite you',
    );
  if (decision === 'domain-not-allowed') {
    throw new AppError(
      'SIGN_UP_CLOSED',
      `Sign-up is open to addresses at ${settings.allowedDomains.join(', ')} only; ask an admin to invite you`,
      {
        fields: [{ field: 'body.email', message: 'is not at a domain that may sign up' }],
      },
    );
  }
  // Hashed before knowing whether the address is taken, so both answers take as long.
  const passwordHash = await hashPassword(body.password, options.hashCost);
  try {
    const user = await db.$transaction(async (tx) => {
      const isFirst = (await tx.user.count()) === 0;
      return tx.user.create({
        data: { email: body.email, name: body.name, passwordHash, orgRole: isFirst ? 'ADMIN' : 'NONE' },
        select: { id: true, orgRole: true },
      });
    });
    const session = await createSession(db, user.id, ttlHours, options.userAgent);
    return { kind: 'created', session, actor: { id: user.id, orgRole: user.orgRole } };
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
  }
  if (options.mailer) {
    const mailer = options.mailer;
    // Not awaited: a slow mail server must not make this answer slower than a real sign-up's.
    void mailer
      .send({
        to: body.email,
        subject: 'Someone tried to create an account with your address',
        text: [
          'Someone tried to create a new account on the Agile Marketing Board with this e-mail address, which already has an account.',
          '',
          `If it was you, sign in instead: ${options.origin.replace(/\/$/, '')}/sign-in`,
          'If it was not you, you can ignore this mail; nothing about your account has changed.',
        ].join('\n'),
      })
      .catch((error: Error) => options.log?.(`Sending the sign-up notice failed: ${error.message}`));
  }
  return {
    kind: 'decoy',
    session: decoySession(ttlHours),
    me: { user: { id: randomUUID(), email: body.email, name: body.name, orgRole: 'NONE' }, memberships: [] },
  };
}
