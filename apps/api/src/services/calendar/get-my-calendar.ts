import { isOrgWide } from '@amb/domain/access';
import type { Calendar, CalendarQuery } from '@amb/shared/calendar';
import type { ServiceContext } from '../context';
import { calendarRange, datedIn, readCalendarCards, sprintsIn } from './calendar-cards';

/**
 * "My calendar": the open cards the person owns, with dates in the range, on every team they can read now (every
 * team for the PMO and admins, else the teams they belong to), and the sprints that hold any of their cards. Someone who leaves a team
 * stops seeing its cards here at once, though they may still own them.
 */
export async function getMyCalendar({ db, actor }: ServiceContext, query: CalendarQuery): Promise<Calendar> {
  const range = calendarRange(query);
  const readable = isOrgWide(actor.orgRole) ? {} : { memberships: { some: { userId: actor.id } } };
  const { cards, sprints } = await readCalendarCards(
    db,
    { ...datedIn(range), owners: { some: { userId: actor.id } }, board: { archivedAt: null, team: readable } },
    { ...sprintsIn(range), team: readable, cards: { some: { owners: { some: { userId: actor.id } } } } },
  );
  return { ...query, teamId: null, teamName: null, cards, sprints, boards: [] };
}
