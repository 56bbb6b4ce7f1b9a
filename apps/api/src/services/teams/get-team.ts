import type { Team } from '@amb/shared/teams';
import { notFound } from '../../lib/app-error';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';

export async function getTeam({ db, actor }: ServiceContext, teamId: string): Promise<Team> {
  const access = await requireTeamAccess(db, actor, teamId, 'view');
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      slug: true,
      kind: true,
      boards: { where: { archivedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, name: true } },
    },
  });
  if (!team) throw notFound('Team');
  return { ...team, myRole: access.teamRole };
}
