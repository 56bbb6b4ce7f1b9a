import type { Backlog } from '@amb/shared/sprints';
import type { Prisma } from '../../db/prisma';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { planningCardInclude, toPlanningCard } from './planning-card';

/** Cards of the team's boards that are in no open sprint and not done, in backlog order. */
export const backlogWhere = (teamId: string): Prisma.CardWhereInput => ({
  board: { teamId, archivedAt: null },
  archivedAt: null,
  column: { flowCategory: { not: 'DONE' } },
  OR: [{ sprintId: null }, { sprint: { state: 'CLOSED' } }],
});

/** Ranked cards first in rank order; cards never ranked after them, oldest first, then in board order. */
export const backlogOrder: Prisma.CardOrderByWithRelationInput[] = [
  { backlogRank: { sort: 'asc', nulls: 'last' } },
  { createdAt: 'asc' },
  { rank: 'asc' },
  { id: 'asc' },
];

export async function listBacklog({ db, actor }: ServiceContext, teamId: string): Promise<Backlog> {
  await requireTeamAccess(db, actor, teamId, 'view');
  const cards = await db.card.findMany({
    where: backlogWhere(teamId),
    orderBy: backlogOrder,
    include: planningCardInclude,
    take: 2000,
  });
  return { cards: cards.map(toPlanningCard) };
}
