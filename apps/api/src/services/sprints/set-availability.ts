import { activityKinds } from '@amb/shared/activity';
import type { AvailabilityBody } from '@amb/shared/sprints';
import { invalidField } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { loadSprintFor, notActive } from './sprint-access';

/** Sets each person's days off in a sprint; people left out are taken as fully available. */
export async function setAvailability({ db, actor }: ServiceContext, sprintId: string, body: AvailabilityBody) {
  const sprint = await loadSprintFor(db, actor, sprintId, 'manage-sprints');
  if (sprint.state === 'CLOSED') throw notActive('A closed sprint cannot be changed; it stays as it was closed');
  const userIds = [...new Set(body.people.map((p) => p.userId))];
  if (userIds.length !== body.people.length) throw invalidField('body.people', 'may list each person once');
  const members = await db.membership.count({ where: { teamId: sprint.teamId, userId: { in: userIds } } });
  if (members !== userIds.length) throw invalidField('body.people', 'must all be members of the sprint’s team');
  await db.$transaction(async (tx) => {
    const before = await tx.sprintAvailability.findMany({ where: { sprintId } });
    await tx.sprintAvailability.deleteMany({ where: { sprintId } });
    await tx.sprintAvailability.createMany({
      data: body.people.filter((p) => p.daysOff > 0).map((p) => ({ sprintId, userId: p.userId, daysOff: p.daysOff })),
    });
    await recordActivity(tx, {
      actorId: actor.id,
      teamId: sprint.teamId,
      sprintId,
      kind: activityKinds.sprintUpdated,
      field: 'availability',
      from: { availability: before.map((a) => ({ userId: a.userId, daysOff: a.daysOff })) },
      to: { availability: body.people },
    });
  });
  return { ok: true as const };
}
