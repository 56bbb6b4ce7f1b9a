import { canSeeTeam, isOrgWide, type TeamRole } from '@amb/domain/access';
import { isOverLimit } from '@amb/domain/wip';
import type { TeamOverview } from '@amb/shared/dashboard';
import type { ServiceContext } from '../context';
import { sprintPoints } from '../sprints/sprint-points';

const DAY = 86_400_000;

/** Every team the person can see (all of them for PMO and admins), each at a glance. Grouped queries only. */
export async function teamOverview({ db, actor }: ServiceContext): Promise<{ teams: TeamOverview[] }> {
  const teams = await db.team.findMany({
    where: isOrgWide(actor.orgRole) ? {} : { memberships: { some: { userId: actor.id } } },
    orderBy: { name: 'asc' },
    include: {
      memberships: { where: { userId: actor.id }, select: { role: true } },
      boards: {
        where: { archivedAt: null },
        orderBy: { createdAt: 'asc' },
        take: 1,
        include: { columns: { orderBy: { position: 'asc' } } },
      },
      sprints: { where: { state: 'ACTIVE' }, take: 1 },
    },
  });
  const visible = teams.filter((t) =>
    canSeeTeam({ orgRole: actor.orgRole, teamRole: (t.memberships[0]?.role as TeamRole | undefined) ?? null }),
  );
  const boardIds = visible.flatMap((t) => t.boards.map((b) => b.id));
  const [counts, blocked, breaches, points] = await Promise.all([
    db.card.groupBy({
      by: ['columnId'],
      where: { boardId: { in: boardIds }, archivedAt: null },
      _count: { _all: true },
    }),
    db.card.groupBy({
      by: ['boardId'],
      where: { boardId: { in: boardIds }, archivedAt: null, blocked: true },
      _count: { _all: true },
      _min: { blockedSince: true },
    }),
    db.wipBreach.groupBy({
      by: ['boardId'],
      where: { boardId: { in: boardIds }, endedAt: null },
      _count: { _all: true },
    }),
    sprintPoints(
      db,
      visible.flatMap((t) => t.sprints.map((s) => s.id)),
    ),
  ]);
  const countOf = new Map(counts.map((c) => [c.columnId, c._count._all]));
  const now = Date.now();
  return {
    teams: visible.map((team) => {
      const board = team.boards[0] ?? null;
      const obstacles = board ? blocked.find((b) => b.boardId === board.id) : undefined;
      const sprint = team.sprints[0];
      const since = obstacles?._min.blockedSince;
      return {
        id: team.id,
        name: team.name,
        kind: team.kind,
        boardId: board?.id ?? null,
        columns: (board?.columns ?? []).map((c) => {
          const count = countOf.get(c.id) ?? 0;
          return {
            id: c.id,
            name: c.name,
            flowCategory: c.flowCategory,
            count,
            wipLimit: c.wipLimit,
            wipPolicy: c.wipPolicy,
            overLimit: isOverLimit(count, c.wipLimit),
          };
        }),
        blockedCount: obstacles?._count._all ?? 0,
        oldestObstacleDays: since ? Math.floor(((now - since.getTime()) / DAY) * 10) / 10 : null,
        openBreaches: board ? (breaches.find((b) => b.boardId === board.id)?._count._all ?? 0) : 0,
        activeSprint: sprint
          ? {
              id: sprint.id,
              name: sprint.name,
              committedPoints: points.get(sprint.id)?.committed ?? 0,
              donePoints: points.get(sprint.id)?.done ?? 0,
            }
          : null,
      };
    }),
  };
}
