import { randomBytes } from 'node:crypto';
import type { Invitation } from '@amb/shared/invitations';
import type { TeamRole } from '@amb/domain/access';
import type { Db, Prisma } from '../../db/prisma';
import { AppError, notFound } from '../../lib/app-error';
import { hashSecret } from '../../lib/secrets';

/** A new link token (43 URL-safe characters) and the hash kept in the database in its place. */
export function newInvitationToken() {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export const hashInvitationToken = hashSecret;

export const invitationLink = (origin: string, token: string) => `${origin.replace(/\/$/, '')}/invitations/${token}`;

interface InvitationRow {
  id: string;
  email: string;
  teamId: string;
  role: TeamRole;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

export function invitationState(i: InvitationRow, now = new Date()): Invitation['state'] {
  if (i.acceptedAt) return 'ACCEPTED';
  if (i.revokedAt) return 'REVOKED';
  return i.expiresAt <= now ? 'EXPIRED' : 'PENDING';
}

export function toInvitation(i: InvitationRow, invitedBy: string | null): Invitation {
  return {
    id: i.id,
    email: i.email,
    teamId: i.teamId,
    role: i.role,
    state: invitationState(i),
    invitedBy,
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
  };
}

const unusable: Record<Exclude<Invitation['state'], 'PENDING'>, string> = {
  ACCEPTED: 'This invitation link has already been used; sign in instead',
  REVOKED: 'This invitation was withdrawn; ask for a new one',
  EXPIRED: 'This invitation link has expired; ask for a new one',
};

/** The pending invitation behind a link, with its team; an unknown link is "not found", a spent one a conflict. */
export async function findUsableInvitation(db: Db | Prisma.TransactionClient, token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { team: { select: { id: true, name: true, archivedAt: true } } },
  });
  if (!invitation) throw notFound('Invitation');
  const state = invitation.team.archivedAt && !invitation.acceptedAt ? 'REVOKED' : invitationState(invitation);
  if (state !== 'PENDING') throw new AppError('CONFLICT', unusable[state], { details: { state } });
  return invitation;
}
