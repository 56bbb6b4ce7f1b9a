import type { User } from '@amb/shared/teams';
import { requireAdmin } from '../access/team-access';
import type { ServiceContext } from '../context';

export const userSelect = {
  id: true,
  email: true,
  name: true,
  orgRole: true,
  deactivatedAt: true,
  _count: { select: { memberships: true } },
} as const;

export const toUser = (u: {
  id: string;
  email: string;
  name: string;
  orgRole: User['orgRole'];
  deactivatedAt: Date | null;
  _count: { memberships: number };
}): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  orgRole: u.orgRole,
  deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
  teamCount: u._count.memberships,
});

/** Every account, or those whose name or e-mail contains `q`. Admins only. */
export async function listUsers({ db, actor }: ServiceContext, q?: string): Promise<User[]> {
  requireAdmin(actor);
  const users = await db.user.findMany({
    where: q
      ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { email: { contains: q, mode: 'insensitive' } }] }
      : {},
    orderBy: { name: 'asc' },
    take: 500,
    select: userSelect,
  });
  return users.map(toUser);
}
