import type { TeamRole } from '@amb/domain/access';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';

export const toMember = (m: {
  role: TeamRole;
  createdAt: Date;
  user: { id: string; name: string; email: string };
}) => ({
  userId: m.user.id,
  name: m.user.name,
  email: m.user.email,
  role: m.role,
  since: m.createdAt.toISOString(),
});

export async function listMembers({ db, actor }: ServiceContext, teamId: string) {
  await requireTeamAccess(db, actor, teamId, 'view');
  const memberships = await db.membership.findMany({
    where: { teamId },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { name: 'asc' } },
  });
  return memberships.map(toMember);
}
