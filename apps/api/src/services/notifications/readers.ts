import { can, type OrgRole, type TeamRole } from '@amb/domain/access';
import type { Db, Prisma } from '../../db/prisma';

/**
 * Of `userIds`, those who may read the team's cards today: active people who are members of the team, or who
 * read every team (the PMO, admins). Everyone the fan-out tells, and everyone a mention may name, passes this.
 */
export async function readersOfTeam(
  db: Db | Prisma.TransactionClient,
  teamId: string,
  userIds: Iterable<string>,
): Promise<Set<string>> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return new Set();
  const people = await db.user.findMany({
    where: { id: { in: ids }, deactivatedAt: null },
    select: { id: true, orgRole: true, memberships: { where: { teamId }, select: { role: true } } },
  });
  return new Set(
    people
      .filter((p) =>
        can(
          { orgRole: p.orgRole as OrgRole, teamRole: (p.memberships[0]?.role as TeamRole | undefined) ?? null },
          'view',
        ),
      )
      .map((p) => p.id),
  );
}
