import type { Calendar, CalendarQuery } from '@amb/shared/calendar';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { calendarRange, datedIn, readCalendarCards, sprintsIn } from './calendar-cards';

/** The team's marketing calendar: its open cards with dates in the range, and its sprints there. */
export async function getTeamCalendar(
  { db, actor }: ServiceContext,
  teamId: string,
  query: CalendarQuery,
): Promise<Calendar> {
  await requireTeamAccess(db, actor, teamId, 'view');
  const range = calendarRange(query);
  const team = await db.team.findUniqueOrThrow({
    where: { id: teamId },
    select: {
      name: true,
      boards: {
        where: { archivedAt: null },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          name: true,
          columns: { orderBy: { position: 'asc' }, take: 1, select: { id: true, name: true } },
        },
      },
    },
  });
  const [{ cards, sprints }, lastActivities] = await Promise.all([
    readCalendarCards(db, { ...datedIn(range), board: { teamId, archivedAt: null } }, { teamId, ...sprintsIn(range) }),
    Promise.all(
      team.boards.map((b) =>
        db.activity.findFirst({ where: { boardId: b.id }, orderBy: { id: 'desc' }, select: { id: true } }),
      ),
    ),
  ]);
  return {
    ...query,
    teamId,
    teamName: team.name,
    cards,
    sprints,
    boards: team.boards.map((b, i) => ({
      id: b.id,
      name: b.name,
      firstColumnId: b.columns[0]?.id ?? null,
      firstColumnName: b.columns[0]?.name ?? null,
      lastActivityId: String(lastActivities[i]?.id ?? 0n),
    })),
  };
}
