import type { InvitationPreview } from '@amb/shared/invitations';
import type { Db } from '../../db/prisma';
import { findUsableInvitation } from './invitation-token';

/** What the link's holder is invited to, before they accept. Anyone with the link may ask. */
export async function previewInvitation(db: Db, token: string): Promise<InvitationPreview> {
  const invitation = await findUsableInvitation(db, token);
  const [inviter, account] = await Promise.all([
    invitation.invitedById
      ? db.user.findUnique({ where: { id: invitation.invitedById }, select: { name: true } })
      : null,
    db.user.findUnique({ where: { email: invitation.email }, select: { id: true } }),
  ]);
  return {
    email: invitation.email,
    teamName: invitation.team.name,
    role: invitation.role,
    invitedBy: inviter?.name ?? null,
    expiresAt: invitation.expiresAt.toISOString(),
    accountExists: !!account,
  };
}
