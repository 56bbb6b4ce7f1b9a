import type { AdminTeam } from '@amb/shared/teams';
import { requireAdmin } from '../access/team-access';
import type { ServiceContext } from '../context';

export function toAdminTeam(t: {
  id: string;
  name: string;
  slug: string;
  kind: AdminTeam['kind'];
  createdAt: Date;
  archivedAt: Date | null;
  _count: { memberships: number };
}): AdminTeam {
  return {
    id: t.id,
    name: t.name,
    slug: t.slug,
    kind: t.kind,
    memberCount: t._count.memberships,
    createdAt: t.createdAt.toISOString(),
    archivedAt: t.archivedAt?.toISOString() ?? null,
  };
}

/** Every team, archived ones last, with how many members each has. Admins only. */
export async function listAdminTeams({ db, actor }: ServiceContext): Promise<AdminTeam[]> {
  requireAdmin(actor);
  const teams = await db.team.findMany({
    orderBy: [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }],
    include: { _count: { select: { memberships: true } } },
  });
  return teams.map(toAdminTeam);
}
