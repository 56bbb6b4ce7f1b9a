import { activityKinds } from '@amb/shared/activity';
import type { CreateInvitationBody, CreatedInvitation } from '@amb/shared/invitations';
import { AppError, notFound } from '../../lib/app-error';
import type { Mailer } from '../../lib/mailer';
import { requireMemberManager } from '../access/team-access';
import { requireRoomOnTeam } from '../teams/team-room';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { invitationLink, newInvitationToken, toInvitation } from './invitation-token';

const roleNames = {
  SCRUM_MASTER: 'scrum master',
  PRODUCT_OWNER: 'product owner',
  MEMBER: 'member',
  VIEWER: 'viewer',
} as const;

/**
 * Invites an e-mail address into a team with a role. With a mail server the link goes out by mail; without one
 * (or when sending fails) it is handed back to show and copy. A new invitation replaces a pending one for the same
 * address and team. Admins, and the team's scrum masters for roles below scrum master.
 */
export async function createInvitation(
  { db, actor }: ServiceContext,
  teamId: string,
  body: CreateInvitationBody,
  options: { mailer: Mailer | null; origin: string; ttlHours: number; log?: (message: string) => void },
): Promise<CreatedInvitation> {
  await requireMemberManager(db, actor, teamId, body.role);
  const team = await db.team.findUnique({ where: { id: teamId }, select: { name: true, archivedAt: true } });
  if (!team) throw notFound('Team');
  if (team.archivedAt) throw new AppError('CONFLICT', 'This team is archived; it takes no new members');
  const existing = await db.user.findUnique({
    where: { email: body.email },
    select: { deactivatedAt: true, memberships: { where: { teamId }, select: { role: true } } },
  });
  if (existing?.memberships.length) {
    throw new AppError('CONFLICT', 'This person is already on the team; change their role instead', {
      fields: [{ field: 'body.email', message: 'is already on the team' }],
    });
  }
  if (existing?.deactivatedAt) {
    throw new AppError('CONFLICT', 'The account with this email is deactivated; an admin can reactivate it', {
      fields: [{ field: 'body.email', message: 'belongs to a deactivated account' }],
    });
  }
  // One for the same address replaces the pending one, so it is not counted.
  requireRoomOnTeam(
    'pendingInvitations',
    await db.invitation.count({
      where: { teamId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() }, email: { not: body.email } },
    }),
  );
  const { token, tokenHash } = newInvitationToken();
  const { invitation, inviter } = await db.$transaction(async (tx) => {
    const now = new Date();
    await tx.invitation.updateMany({
      where: { teamId, email: body.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const invitation = await tx.invitation.create({
      data: {
        tokenHash,
        email: body.email,
        teamId,
        role: body.role,
        invitedById: actor.id,
        expiresAt: new Date(now.getTime() + options.ttlHours * 3600_000),
      },
    });
    await recordActivity(tx, {
      actorId: actor.id,
      teamId,
      kind: activityKinds.invitationCreated,
      to: { invitationId: invitation.id, email: body.email, teamId, role: body.role },
    });
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
    return { invitation, inviter };
  });
  const link = invitationLink(options.origin, token);
  let mailed = false;
  if (options.mailer) {
    try {
      await options.mailer.send({
        to: body.email,
        subject: `${inviter.name} invited you to ${team.name}`,
        text: [
          `${inviter.name} invited you to join the team ${team.name} as ${roleNames[body.role]} on the Agile Marketing Board.`,
          '',
          `Accept the invitation: ${link}`,
          '',
          `The link works once, until ${invitation.expiresAt.toUTCString()}. If you did not expect it, ignore this mail.`,
        ].join('\n'),
      });
      mailed = true;
    } catch (error) {
      options.log?.(`Sending the invitation mail failed: ${(error as Error).message}`);
    }
  }
  return { invitation: toInvitation(invitation, inviter.name), link: mailed ? null : link, mailed };
}
