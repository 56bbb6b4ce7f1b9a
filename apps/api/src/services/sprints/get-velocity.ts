import { averageOfLastThree, sprintOutcome } from '@amb/domain/sprint-charts';
import type { Velocity } from '@amb/shared/sprints';
import type { Db } from '../../db/prisma';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { cardsEverInSprints, loadCardTimelines } from './card-timelines';
import { sprintWindow } from './sprint-window';

/** Committed and completed points of a team's last closed sprints, oldest first, from the cards' history. */
export async function teamOutcomes(db: Db, teamId: string, last: number) {
  const [team, sprints] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { timeZone: true } }),
    db.sprint.findMany({ where: { teamId, state: 'CLOSED' }, orderBy: [{ closedAt: { sort: 'desc', nulls: 'last' } }, { endDate: 'desc' }], take: last }),
  ]);
  sprints.reverse();
  const timelines = await loadCardTimelines(db, await cardsEverInSprints(db, sprints.map((s) => s.id)));
  return sprints.map((s) => ({ sprint: s, ...sprintOutcome(timelines, sprintWindow(s, team.timeZone)) }));
}

export async function getVelocity({ db, actor }: ServiceContext, teamId: string, last: number): Promise<Velocity> {
  await requireTeamAccess(db, actor, teamId, 'view');
  const outcomes = await teamOutcomes(db, teamId, last);
  return {
    sprints: outcomes.map((o) => ({ sprintId: o.sprintId, name: o.sprint.name, endDate: o.sprint.endDate.toISOString(), committed: o.committed, completed: o.completed })),
    averageOfLastThree: averageOfLastThree(outcomes),
  };
}
