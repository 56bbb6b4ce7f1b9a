import { canManageCampaigns } from '@amb/domain/campaigns';
import type { TeamRole } from '@amb/domain/access';
import type { Db, Prisma } from '../../db/prisma';
import { forbidden } from '../../lib/app-error';
import type { Actor } from '../context';

/** Admins, the PMO and scrum masters of any team create, change and delete campaigns; anyone else gets 403. */
export async function requireCampaignManager(db: Db | Prisma.TransactionClient, actor: Actor) {
  const roles = await db.membership.findMany({ where: { userId: actor.id }, select: { role: true } });
  if (
    !canManageCampaigns(
      actor.orgRole,
      roles.map((m) => m.role as TeamRole),
    )
  )
    throw forbidden('Only admins, the PMO and scrum masters can create, change or delete campaigns');
}
