import { can } from '@amb/domain/access';
import type { Db } from '../../db/prisma';
import { AppError, notFound } from '../../lib/app-error';
import { requireTeamAccess, teamAccess } from '../access/team-access';
import type { Actor } from '../context';

/** The sprint a write is about, once the actor may plan sprints on its team. */
export async function loadSprintFor(db: Db, actor: Actor, sprintId: string, action: 'view' | 'manage-sprints') {
  const sprint = await db.sprint.findUnique({ where: { id: sprintId } });
  if (!sprint) throw notFound('Sprint');
  await requireTeamAccess(db, actor, sprint.teamId, action, 'Sprint');
  return sprint;
}

/** Members move and edit cards, but only those who plan sprints decide which sprint a card is in. */
export async function requireSprintPlanner(db: Db, actor: Actor, teamId: string, field = 'body.sprintId') {
  const access = await teamAccess(db, actor, teamId);
  if (!access || !can(access, 'manage-sprints')) {
    throw new AppError(
      'FORBIDDEN',
      'Only a scrum master, a product owner or an admin can change which sprint a card is in',
      { fields: [{ field, message: 'may only be changed by whoever plans sprints' }] },
    );
  }
}

export const notActive = (what: string) => new AppError('CONFLICT', what);

/** A calendar day or timestamp from a request, stored as the UTC midnight of its calendar day. */
export function sprintDay(value: string): Date {
  return new Date(`${value.slice(0, 10)}T00:00:00.000Z`);
}

/** A sprint rule broken in the database (another request got there first) becomes a 409, not a 500. */
export function sprintConstraint(error: unknown): AppError | null {
  const text =
    String((error as { message?: string })?.message ?? '') + JSON.stringify((error as { meta?: unknown })?.meta ?? '');
  if (text.includes('sprints_one_active_per_team') || (error as { code?: string })?.code === 'P2002')
    return new AppError('CONFLICT', 'This team already has an active sprint: close it before starting another');
  if (text.includes('sprints_dates_in_order'))
    return new AppError('VALIDATION_FAILED', 'body.endDate must be after the start date', {
      fields: [{ field: 'body.endDate', message: 'must be after the start date' }],
    });
  return null;
}
