import { activityKinds } from '@amb/shared/activity';
import type { CreateSprintBody, SprintSummary } from '@amb/shared/sprints';
import { createSprintBodySchema } from '@amb/shared/sprints';
import { recordActivity } from '../activity/record-activity';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { toSprintSummary } from './list-sprints';
import { sprintDay } from './sprint-access';

/** Plans a new sprint for a team. */
export async function createSprint({ db, actor }: ServiceContext, input: CreateSprintBody): Promise<SprintSummary> {
  const body = createSprintBodySchema.parse(input);
  await requireTeamAccess(db, actor, body.teamId, 'manage-sprints');
  return db.$transaction(async (tx) => {
    const sprint = await tx.sprint.create({
      data: {
        teamId: body.teamId,
        name: body.name,
        goal: body.goal,
        startDate: sprintDay(body.startDate),
        endDate: sprintDay(body.endDate),
        capacityPoints: body.capacityPoints,
      },
    });
    await recordActivity(tx, {
      actorId: actor.id,
      teamId: body.teamId,
      sprintId: sprint.id,
      kind: activityKinds.sprintCreated,
      to: {
        name: sprint.name,
        goal: sprint.goal,
        startDate: sprint.startDate.toISOString(),
        endDate: sprint.endDate.toISOString(),
        capacityPoints: sprint.capacityPoints,
      },
    });
    return toSprintSummary(sprint, undefined);
  });
}
