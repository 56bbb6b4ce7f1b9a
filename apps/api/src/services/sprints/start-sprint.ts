import { activityKinds } from '@amb/shared/activity';
import type { SprintSummary } from '@amb/shared/sprints';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { toSprintSummary } from './list-sprints';
import { loadSprintFor, notActive, sprintConstraint } from './sprint-access';
import { sprintPoints } from './sprint-points';

/**
 * Starts a planned sprint and records its committed scope. The database allows one active sprint per team, so of
 * two sprints started at once only one becomes active.
 */
export async function startSprint({ db, actor }: ServiceContext, sprintId: string): Promise<SprintSummary> {
  const sprint = await loadSprintFor(db, actor, sprintId, 'manage-sprints');
  if (sprint.state !== 'PLANNED')
    throw notActive(
      sprint.state === 'ACTIVE' ? 'This sprint has already started' : 'A closed sprint cannot be started again',
    );
  try {
    const started = await db.$transaction(async (tx) => {
      const now = new Date();
      const changed = await tx.sprint.updateMany({
        where: { id: sprintId, state: 'PLANNED' },
        data: { state: 'ACTIVE', startedAt: now },
      });
      if (changed.count === 0) throw notActive('This sprint was started or closed a moment ago');
      const cards = await tx.card.findMany({
        where: { sprintId, archivedAt: null },
        select: { id: true, estimate: true },
      });
      const committedPoints = cards.reduce((sum, c) => sum + (c.estimate ?? 0), 0);
      const written = await tx.sprint.update({ where: { id: sprintId }, data: { committedPoints } });
      await recordActivity(tx, {
        actorId: actor.id,
        teamId: sprint.teamId,
        sprintId,
        kind: activityKinds.sprintStarted,
        at: now,
        to: { committed: cards.map((c) => ({ cardId: c.id, points: c.estimate })), points: committedPoints },
      });
      return written;
    });
    return toSprintSummary(started, (await sprintPoints(db, [sprintId])).get(sprintId));
  } catch (error) {
    throw sprintConstraint(error) ?? error;
  }
}
