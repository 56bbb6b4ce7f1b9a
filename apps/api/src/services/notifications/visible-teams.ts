import { isOrgWide } from '@amb/domain/access';
import type { Db } from '../../db/prisma';
import type { Actor } from '../context';

/** The teams whose notifications a person may still see: every team for the PMO and admins; otherwise their teams. */
export async function notificationTeamFilter(db: Db, actor: Actor) {
  if (isOrgWide(actor.orgRole)) return {};
  const teams = await db.membership.findMany({ where: { userId: actor.id }, select: { teamId: true } });
  return { OR: [{ teamId: null }, { teamId: { in: teams.map((t) => t.teamId) } }] };
}
