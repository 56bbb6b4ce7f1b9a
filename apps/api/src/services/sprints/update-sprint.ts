import { activityKinds } from '@amb/shared/activity';
import type { SprintSummary, UpdateSprintBody } from '@amb/shared/sprints';
import type { Prisma } from '../../db/prisma';
import { invalidField } from '../../lib/app-error';
import { recordActivity, type ActivityEntry } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { toSprintSummary } from './list-sprints';
import { loadSprintFor, notActive, sprintConstraint, sprintDay } from './sprint-access';
import { sprintPoints } from './sprint-points';

/** Edits a planned or active sprint's name, goal, dates or capacity; each changed field becomes a history entry. */
export async function updateSprint({ db, actor }: ServiceContext, sprintId: string, body: UpdateSprintBody): Promise<SprintSummary> {
  const sprint = await loadSprintFor(db, actor, sprintId, 'manage-sprints');
  if (sprint.state === 'CLOSED') throw notActive('A closed sprint cannot be changed; it stays as it was closed');
  const data: Prisma.SprintUpdateInput = {};
  const history: ActivityEntry[] = [];
  const base = { actorId: actor.id, teamId: sprint.teamId, sprintId, kind: activityKinds.sprintUpdated };
  const change = <K extends 'name' | 'goal' | 'capacityPoints' | 'startDate' | 'endDate'>(field: K, next: Prisma.SprintUpdateInput[K], before: unknown, after: unknown) => {
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    data[field] = next;
    history.push({ ...base, field, from: before, to: after });
  };
  if (body.name !== undefined) change('name', body.name, sprint.name, body.name);
  if (body.goal !== undefined) change('goal', body.goal, sprint.goal, body.goal);
  if (body.capacityPoints !== undefined) change('capacityPoints', body.capacityPoints, sprint.capacityPoints, body.capacityPoints);
  const start = body.startDate ? sprintDay(body.startDate) : sprint.startDate;
  const end = body.endDate ? sprintDay(body.endDate) : sprint.endDate;
  if (end <= start) throw invalidField(body.endDate ? 'body.endDate' : 'body.startDate', body.endDate ? 'must be after the start date' : 'must be before the end date');
  if (body.startDate) change('startDate', start, sprint.startDate.toISOString(), start.toISOString());
  if (body.endDate) change('endDate', end, sprint.endDate.toISOString(), end.toISOString());
  try {
    const updated = await db.$transaction(async (tx) => {
      const written = history.length ? await tx.sprint.update({ where: { id: sprintId }, data }) : sprint;
      await recordActivity(tx, ...history);
      return written;
    });
    return toSprintSummary(updated, (await sprintPoints(db, [sprintId])).get(sprintId));
  } catch (error) {
    throw sprintConstraint(error) ?? error;
  }
}
