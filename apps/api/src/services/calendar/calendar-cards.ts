import { addDays, calendarRangeProblem, dayOfInstant } from '@amb/domain/calendar';
import type { FlowCategory } from '@amb/domain/wip';
import type { Calendar, CalendarQuery } from '@amb/shared/calendar';
import type { Db, Prisma } from '../../db/prisma';
import { invalidField } from '../../lib/app-error';

/** A range is at most six weeks, so this only stops a team with thousands of dated cards holding a request up. */
const MAX_CARDS = 2000;

/** The range as instants: from the start of `from` to the start of the day after `to` (days are read in UTC). */
export function calendarRange(query: CalendarQuery) {
  const problem = calendarRangeProblem(query.from, query.to);
  if (problem) throw invalidField(`querystring.${problem.field}`, problem.message);
  return { start: new Date(`${query.from}T00:00:00Z`), end: new Date(`${addDays(query.to, 1)}T00:00:00Z`) };
}

/** Open cards whose days meet the range: a span that started before it and ends in it is there too. */
export function datedIn({ start, end }: { start: Date; end: Date }): Prisma.CardWhereInput {
  return {
    archivedAt: null,
    OR: [
      { dueDate: { gte: start }, startDate: { lt: end } },
      { dueDate: { gte: start, lt: end }, startDate: null },
      { dueDate: null, startDate: { gte: start, lt: end } },
    ],
  };
}

/** Sprints that meet the range. */
export const sprintsIn = ({ start, end }: { start: Date; end: Date }): Prisma.SprintWhereInput => ({
  startDate: { lt: end },
  endDate: { gte: start },
});

/** The cards and sprints of a calendar, read the same way for a team and for one person. */
export async function readCalendarCards(
  db: Db,
  where: Prisma.CardWhereInput,
  sprintWhere: Prisma.SprintWhereInput,
): Promise<Pick<Calendar, 'cards' | 'sprints'>> {
  const [cards, sprints] = await Promise.all([
    db.card.findMany({
      where,
      take: MAX_CARDS,
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        title: true,
        boardId: true,
        startDate: true,
        dueDate: true,
        labels: true,
        blocked: true,
        sprintId: true,
        version: true,
        column: { select: { name: true, flowCategory: true } },
        owners: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: 'asc' } } },
        principles: { select: { principleId: true }, orderBy: { principleId: 'asc' } },
        board: { select: { team: { select: { id: true, name: true } } } },
      },
    }),
    db.sprint.findMany({
      where: sprintWhere,
      orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
      select: { id: true, teamId: true, name: true, startDate: true, endDate: true, state: true },
    }),
  ]);
  return {
    cards: cards
      .map((c) => ({
        id: c.id,
        title: c.title,
        teamId: c.board.team.id,
        teamName: c.board.team.name,
        boardId: c.boardId,
        startDate: c.startDate ? dayOfInstant(c.startDate) : null,
        dueDate: c.dueDate ? dayOfInstant(c.dueDate) : null,
        columnName: c.column.name,
        flowCategory: c.column.flowCategory as FlowCategory,
        labels: c.labels,
        owners: c.owners.map((o) => o.user),
        principleIds: c.principles.map((p) => p.principleId),
        blocked: c.blocked,
        sprintId: c.sprintId,
        version: c.version,
      }))
      .sort((a, b) => {
        const [x, y] = [a.startDate ?? a.dueDate!, b.startDate ?? b.dueDate!];
        return x < y ? -1 : x > y ? 1 : a.title.localeCompare(b.title);
      }),
    sprints: sprints.map((s) => ({
      id: s.id,
      teamId: s.teamId,
      name: s.name,
      startDate: dayOfInstant(s.startDate),
      endDate: dayOfInstant(s.endDate),
      state: s.state,
    })),
  };
}
