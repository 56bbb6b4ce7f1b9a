import { loadPerPerson, suggestCapacity } from '@amb/domain/sprint-capacity';
import { workingDays } from '@amb/domain/local-days';
import { closeReportSchema, type SprintPlan } from '@amb/shared/sprints';
import type { ServiceContext } from '../context';
import { teamOutcomes } from './get-velocity';
import { toSprintSummary } from './list-sprints';
import { planningCardInclude, toPlanningCard } from './planning-card';
import { loadSprintFor } from './sprint-access';
import { sprintPoints } from './sprint-points';

/** A sprint as its planning screen and report show it: cards, load per person against availability, capacity. */
export async function getSprint({ db, actor }: ServiceContext, sprintId: string): Promise<SprintPlan> {
  const sprint = await loadSprintFor(db, actor, sprintId, 'view');
  const [cards, points, team, availability, outcomes] = await Promise.all([
    db.card.findMany({
      where: { sprintId, archivedAt: null },
      orderBy: [{ column: { position: 'asc' } }, { rank: 'asc' }],
      include: planningCardInclude,
    }),
    sprintPoints(db, [sprintId]),
    db.team.findUniqueOrThrow({
      where: { id: sprint.teamId },
      select: {
        timeZone: true,
        memberships: { where: { role: { not: 'VIEWER' } }, select: { userId: true, user: { select: { name: true } } } },
      },
    }),
    db.sprintAvailability.findMany({ where: { sprintId } }),
    sprint.state === 'PLANNED' ? teamOutcomes(db, sprint.teamId, 3) : Promise.resolve([]),
  ]);
  const days = workingDays(
    sprint.startDate.toISOString().slice(0, 10),
    sprint.endDate.toISOString().slice(0, 10),
  ).length;
  const daysOff = new Map(availability.map((a) => [a.userId, a.daysOff]));
  const load = loadPerPerson(cards.map((c) => ({ estimate: c.estimate, ownerIds: c.owners.map((o) => o.userId) })));
  const people = team.memberships
    .map((m) => ({
      userId: m.userId,
      name: m.user.name,
      daysOff: daysOff.get(m.userId) ?? 0,
      availableDays: Math.max(0, days - (daysOff.get(m.userId) ?? 0)),
      points: load.get(m.userId) ?? 0,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const report = closeReportSchema.safeParse(sprint.closeReport);
  return {
    ...toSprintSummary(sprint, points.get(sprintId)),
    cards: cards.map(toPlanningCard),
    startedAt: sprint.startedAt?.toISOString() ?? null,
    closedAt: sprint.closedAt?.toISOString() ?? null,
    workingDays: days,
    people,
    suggestedCapacity: suggestCapacity({
      workingDays: days,
      people,
      recentCompleted: outcomes.map((o) => o.completed),
    }),
    goalMet: sprint.goalMet,
    startCommittedPoints: sprint.committedPoints,
    completedPoints: sprint.completedPoints,
    report: report.success ? report.data : null,
    timeZone: team.timeZone,
  };
}
