import type { Invitation } from '@amb/shared/invitations';
import { requireMemberManager } from '../access/team-access';
import type { ServiceContext } from '../context';
import { toInvitation } from './invitation-token';

/** A team's invitations, newest first (the last 200). Admins and the team's scrum masters. */
export async function listInvitations({ db, actor }: ServiceContext, teamId: string): Promise<Invitation[]> {
  await requireMemberManager(db, actor, teamId);
  const rows = await db.invitation.findMany({ where: { teamId }, orderBy: { createdAt: 'desc' }, take: 200 });
  const inviterIds = [...new Set(rows.map((r) => r.invitedById).filter((id): id is string => !!id))];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: inviterIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return rows.map((r) => toInvitation(r, (r.invitedById && names.get(r.invitedById)) || null));
}
