import { isOrgWide } from '@amb/domain/access';
import type { Db } from '../../db/prisma';
import { AppError } from '../../lib/app-error';
import type { Actor } from '../context';

/**
 * The teams a person's dashboard covers: every team for the PMO and admins, their own teams for everyone else,
 * narrowed to `requested` when given. A requested team that does not exist or that they cannot see is refused
 * with "not found", the same answer for both, so team ids do not leak.
 */
export async function visibleTeams(db: Db, actor: Actor, requested?: string[]) {
  const teams = await db.team.findMany({
    where: {
      ...(isOrgWide(actor.orgRole) ? {} : { memberships: { some: { userId: actor.id } } }),
      ...(requested ? { id: { in: requested } } : {}),
    },
    select: { id: true, name: true, kind: true },
    orderBy: { name: 'asc' },
  });
  if (requested) {
    const found = new Set(teams.map((t) => t.id));
    const missing = requested.filter((id) => !found.has(id));
    if (missing.length)
      throw new AppError('NOT_FOUND', 'Team not found', {
        fields: [{ field: 'querystring.teams', message: `names a team that does not exist: ${missing.join(', ')}` }],
      });
  }
  return teams;
}
