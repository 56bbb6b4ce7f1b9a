import type { SprintDetail } from '@amb/shared/sprints';
import { notFound } from '../../lib/app-error';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { toSprintSummary } from './list-sprints';
import { sprintPoints } from './sprint-points';

/** A sprint with its open cards, in board order. */
export async function getSprint({ db, actor }: ServiceContext, sprintId: string): Promise<SprintDetail> {
  const sprint = await db.sprint.findUnique({ where: { id: sprintId } });
  if (!sprint) throw notFound('Sprint');
  await requireTeamAccess(db, actor, sprint.teamId, 'view', 'Sprint');
  const [cards, points] = await Promise.all([
    db.card.findMany({
      where: { sprintId, archivedAt: null },
      orderBy: [{ column: { position: 'asc' } }, { rank: 'asc' }],
      include: { column: { select: { name: true, flowCategory: true } }, owners: { select: { user: { select: { name: true } } } } },
    }),
    sprintPoints(db, [sprintId]),
  ]);
  return {
    ...toSprintSummary(sprint, points.get(sprintId)),
    cards: cards.map((c) => ({
      id: c.id,
      title: c.title,
      columnName: c.column.name,
      flowCategory: c.column.flowCategory,
      estimate: c.estimate,
      blocked: c.blocked,
      blockedReason: c.blockedReason,
      ownerNames: c.owners.map((o) => o.user.name),
    })),
  };
}
