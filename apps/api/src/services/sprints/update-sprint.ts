import { activityKinds } from '@amb/shared/activity';
import { SPRINT_MAX_DAYS, sprintLengthDays, type SprintSummary, type UpdateSprintBody } from '@amb/shared/sprints';
import type { Prisma } from '../../db/prisma';
import { invalidField } from '../../lib/app-error';
import { recordActivity, type ActivityEntry } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { toSprintSummary } from './list-sprints';
import { loadSprintFor, notActive, sprintConstraint, sprintDay } from './sprint-access';
import { sprintPoints } from './sprint-points';

/** Edits a planned or active sprint's name, goal, dates or capacity; each changed field becomes a history entry. */
export async function updateSprint(
  { db, actor }: ServiceContext,
  sprintId: string,
  body: UpdateSprintBody,
): Promise<SprintSummary> {
  const sprint = await loadSprintFor(db, actor, sprintId, 'manage-sprints');
  if (sprint.state === 'CLOSED') throw notActive('A closed sprint cannot be changed; it stays as it was closed');
  const data: Prisma.SprintUpdateInput = {};
  const from: Record<string, string | number | null> = {};
  const to: Record<string, string | number | null> = {};
  const change = (
    field: 'name' | 'goal' | 'capacityPoints' | 'startDate' | 'endDate',
    before: string | number | null,
    after: string | number | null,
    value: unknown,
  ) => {
    if (before === after) return;
    (data as Record<string, unknown>)[field] = value;
    from[field] = before;
    to[field] = after;
  };
  if (body.name !== undefined) change('name', sprint.name, body.name, body.name);
  if (body.goal !== undefined) change('goal', sprint.goal, body.goal, body.goal);
  if (body.capacityPoints !== undefined)
    change('capacityPoints', sprint.capacityPoints, body.capacityPoints, body.capacityPoints);
  const start = body.startDate ? sprintDay(body.startDate) : sprint.startDate;
  const end = body.endDate ? sprintDay(body.endDate) : sprint.endDate;
  const field = body.endDate ? 'body.endDate' : 'body.startDate';
  if (end <= start)
    throw invalidField(field, body.endDate ? 'must be after the start date' : 'must be before the end date');
  // One date changed alone: the other is the stored one, which the body's own check could not see.
  if (sprintLengthDays(start.toISOString(), end.toISOString()) >= SPRINT_MAX_DAYS) {
    throw invalidField(
      field,
      `must be at most ${SPRINT_MAX_DAYS - 1} days ${body.endDate ? 'after the start date' : 'before the end date'}`,
    );
  }
  if (body.startDate) change('startDate', sprint.startDate.toISOString(), start.toISOString(), start);
  if (body.endDate) change('endDate', sprint.endDate.toISOString(), end.toISOString(), end);
  const fields = Object.keys(to);
  const history: ActivityEntry[] = fields.length
    ? [
        {
          actorId: actor.id,
          teamId: sprint.teamId,
          sprintId,
          kind: activityKinds.sprintUpdated,
          field: fields.join(','),
          from,
          to,
        },
      ]
    : [];
  try {
    const updated = await db.$transaction(async (tx) => {
      const written = fields.length ? await tx.sprint.update({ where: { id: sprintId }, data }) : sprint;
      await recordActivity(tx, ...history);
      return written;
    });
    return toSprintSummary(updated, (await sprintPoints(db, [sprintId])).get(sprintId));
  } catch (error) {
    throw sprintConstraint(error) ?? error;
  }
}
