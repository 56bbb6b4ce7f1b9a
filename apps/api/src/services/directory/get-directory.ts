import type { Directory } from '@amb/shared/organisation';
import type { ServiceContext } from '../context';

/**
 * For a person looking for a team: the organisation's active teams (names only, nothing inside them) and its
 * admins, whom to ask. Any signed-in person.
 */
export async function getDirectory({ db }: ServiceContext): Promise<Directory> {
  const [teams, admins] = await Promise.all([
    db.team.findMany({
      where: { archivedAt: null },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, kind: true },
    }),
    db.user.findMany({
      where: { orgRole: 'ADMIN', deactivatedAt: null },
      orderBy: { name: 'asc' },
      select: { name: true, email: true },
    }),
  ]);
  return { teams, admins };
}
