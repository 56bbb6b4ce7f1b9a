import { isOrgWide } from '@amb/domain/access';
import type { Team } from '@amb/shared/teams';
import type { ServiceContext } from '../context';

/** The teams the actor may see: their own, or every team for the PMO and admins. */
export async function listTeams({ db, actor }: ServiceContext): Promise<Team[]> {
  const teams = await db.team.findMany({
    where: isOrgWide(actor.orgRole)
      ? { archivedAt: null }
      : { archivedAt: null, memberships: { some: { userId: actor.id } } },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      slug: true,
      kind: true,
      memberships: { where: { userId: actor.id }, select: { role: true } },
      boards: { where: { archivedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, name: true } },
    },
  });
  return teams.map(({ memberships, ...team }) => ({ ...team, myRole: memberships[0]?.role ?? null }));
}
