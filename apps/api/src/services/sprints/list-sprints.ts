import type { SprintSummary } from '@amb/shared/sprints';
import type { Sprint } from '../../generated/prisma/client.ts';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { sprintPoints } from './sprint-points';

export function toSprintSummary(
  s: Sprint,
  points: { committed: number; done: number; cards: number } | undefined,
): SprintSummary {
  return {
    id: s.id,
    teamId: s.teamId,
    name: s.name,
    goal: s.goal,
    startDate: s.startDate.toISOString(),
    endDate: s.endDate.toISOString(),
    state: s.state,
    capacityPoints: s.capacityPoints,
    committedPoints: points?.committed ?? 0,
    donePoints: points?.done ?? 0,
    cardCount: points?.cards ?? 0,
  };
}

/** A team's sprints, newest first, with their committed and done points. */
export async function listSprints({ db, actor }: ServiceContext, teamId: string) {
  await requireTeamAccess(db, actor, teamId, 'view');
  const sprints = await db.sprint.findMany({ where: { teamId }, orderBy: { startDate: 'desc' } });
  const points = await sprintPoints(
    db,
    sprints.map((s) => s.id),
  );
  return { sprints: sprints.map((s) => toSprintSummary(s, points.get(s.id))) };
}
