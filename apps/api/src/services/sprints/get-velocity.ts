import { averageOfLastThree, sprintOutcome } from '@amb/domain/sprint-charts';
import { activityKinds, readActivityPayload } from '@amb/shared/activity';
import type { Velocity } from '@amb/shared/sprints';
import type { Db } from '../../db/prisma';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { cardsEverInSprints, loadCardTimelines } from './card-timelines';
import { sprintWindow } from './sprint-window';

/**
 * Committed and completed points of a team's last closed sprints, oldest first, from history: the points the log
 * recorded when each sprint started and closed, or, for a sprint whose entries say less (older history), its
 * cards' timelines.
 */
export async function teamOutcomes(db: Db, teamId: string, last: number) {
  const [team, sprints] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { timeZone: true } }),
    db.sprint.findMany({
      where: { teamId, state: 'CLOSED' },
      orderBy: [{ closedAt: { sort: 'desc', nulls: 'last' } }, { endDate: 'desc' }],
      take: last,
    }),
  ]);
  sprints.reverse();
  const entries = await db.activity.findMany({
    where: {
      sprintId: { in: sprints.map((s) => s.id) },
      kind: { in: [activityKinds.sprintStarted, activityKinds.sprintClosed] },
    },
    orderBy: { id: 'asc' },
    select: { sprintId: true, kind: true, field: true, from: true, to: true },
  });
  const recorded = new Map<string, { committed?: number; completed?: number }>();
  for (const e of entries) {
    const entry = readActivityPayload(e);
    const known = recorded.get(e.sprintId!) ?? {};
    if (entry?.kind === activityKinds.sprintStarted) known.committed = entry.to.points;
    if (entry?.kind === activityKinds.sprintClosed) known.completed = entry.to.donePoints;
    recorded.set(e.sprintId!, known);
  }
  const unrecorded = sprints.filter(
    (s) => recorded.get(s.id)?.committed === undefined || recorded.get(s.id)?.completed === undefined,
  );
  const timelines = await loadCardTimelines(
    db,
    await cardsEverInSprints(
      db,
      unrecorded.map((s) => s.id),
    ),
  );
  return sprints.map((s) => {
    const known = recorded.get(s.id);
    if (known?.committed !== undefined && known.completed !== undefined)
      return { sprint: s, sprintId: s.id, committed: known.committed, completed: known.completed };
    return { sprint: s, ...sprintOutcome(timelines, sprintWindow(s, team.timeZone)) };
  });
}

export async function getVelocity({ db, actor }: ServiceContext, teamId: string, last: number): Promise<Velocity> {
  await requireTeamAccess(db, actor, teamId, 'view');
  const outcomes = await teamOutcomes(db, teamId, last);
  return {
    sprints: outcomes.map((o) => ({
      sprintId: o.sprintId,
      name: o.sprint.name,
      endDate: o.sprint.endDate.toISOString(),
      committed: o.committed,
      completed: o.completed,
    })),
    averageOfLastThree: averageOfLastThree(outcomes),
  };
}
