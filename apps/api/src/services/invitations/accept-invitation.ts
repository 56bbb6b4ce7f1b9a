import { activityKinds } from '@amb/shared/activity';
import type { AcceptInvitationBody } from '@amb/shared/invitations';
import { Prisma, type Db } from '../../db/prisma';
import { AppError } from '../../lib/app-error';
import { hashPassword } from '../../lib/passwords';
import { recordActivity } from '../activity/record-activity';
import type { Actor } from '../context';
import { createSession } from '../auth/sessions';
import { checkAccountPassword, type SignInPolicy } from '../auth/sign-in';
import { findUsableInvitation, hashInvitationToken } from './invitation-token';

const required = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', `${field.replace('body.', '')} ${message}`, { fields: [{ field, message }] });

/**
 * Accepts an invitation: creates the account for the invited address (name and password given), or adds the
 * existing account to the team (its password given, or already signed in as it). The link works once: two
 * accepts at the same moment cannot both pass the conditional update. Signs the person in when they were not.
 */
export async function acceptInvitation(options: {
  db: Db;
  body: AcceptInvitationBody;
  actor: Actor | null;
  policy: SignInPolicy;
  userAgent?: string;
}) {
  const { db, body, actor, policy } = options;
  const invitation = await findUsableInvitation(db, body.token);
  const account = await db.user.findUnique({
    where: { email: invitation.email },
    select: { id: true, passwordHash: true, signInLockedUntil: true, deactivatedAt: true },
  });
  if (account?.deactivatedAt)
    throw new AppError('FORBIDDEN', 'The account with this email is deactivated; ask an admin');
  const signedInAsInvitee = !!account && actor?.id === account.id;
  if (account && !signedInAsInvitee) {
    if (!body.password) throw required('body.password', 'is required: enter the password of your account');
    // The same check as signing in: wrong passwords count towards the account's lock, and a locked account waits.
    await checkAccountPassword(db, account, body.password, policy);
    await db.user.update({ where: { id: account.id }, data: { failedSignIns: 0, signInLockedUntil: null } });
  }
  if (!account) {
    if (!body.name) throw required('body.name', 'is required');
    if (!body.password) throw required('body.password', 'is required');
  }
  const passwordHash = account ? null : await hashPassword(body.password!, policy.hashCost);
  try {
    const result = await db.$transaction(async (tx) => {
      const { count } = await tx.invitation.updateMany({
        where: {
          tokenHash: hashInvitationToken(body.token),
          acceptedAt: null,
          revokedAt: null,
          expiresAt: { gt: new Date() },
        },
        data: { acceptedAt: new Date() },
      });
      if (count === 0)
        throw new AppError('CONFLICT', 'This invitation link has already been used; sign in instead', {
          details: { state: 'ACCEPTED' },
        });
      const userId = account
        ? account.id
        : (
            await tx.user.create({
              data: { email: invitation.email, name: body.name!, passwordHash: passwordHash! },
              select: { id: true },
            })
          ).id;
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: userId } });
      const existing = await tx.membership.findUnique({
        where: { userId_teamId: { userId, teamId: invitation.teamId } },
        select: { role: true },
      });
      if (!existing) await tx.membership.create({ data: { userId, teamId: invitation.teamId, role: invitation.role } });
      await recordActivity(tx, {
        actorId: userId,
        teamId: invitation.teamId,
        kind: activityKinds.invitationAccepted,
        to: { invitationId: invitation.id, userId },
      });
      const board = await tx.board.findFirst({
        where: { teamId: invitation.teamId, archivedAt: null },
        orderBy: { createdAt: 'asc' },
        select: { id: true },
      });
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, orgRole: true } });
      return { user, boardId: board?.id ?? null };
    });
    const session = signedInAsInvitee
      ? null
      : await createSession(db, result.user.id, policy.ttlHours, options.userAgent);
    return { session, actor: result.user, teamId: invitation.teamId, boardId: result.boardId };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError(
        'CONFLICT',
        'An account with this email was just created; open the link again to join with it',
      );
    }
    throw error;
  }
}
