import { burnSeries } from '@amb/domain/sprint-charts';
import type { SprintChart } from '@amb/shared/sprints';
import type { ServiceContext } from '../context';
import { cardsEverInSprints, loadCardTimelines } from './card-timelines';
import { loadSprintFor } from './sprint-access';
import { sprintWindow } from './sprint-window';

/** Burndown and burnup of one sprint, from its cards' history. */
export async function getSprintChart({ db, actor }: ServiceContext, sprintId: string): Promise<SprintChart> {
  const sprint = await loadSprintFor(db, actor, sprintId, 'view');
  const team = await db.team.findUniqueOrThrow({ where: { id: sprint.teamId }, select: { timeZone: true } });
  const timelines = await loadCardTimelines(db, await cardsEverInSprints(db, [sprintId]));
  const series = burnSeries(timelines, sprintWindow(sprint, team.timeZone));
  const titles = new Map((await db.card.findMany({ where: { id: { in: series.scopeChanges.map((c) => c.cardId) } }, select: { id: true, title: true } })).map((c) => [c.id, c.title]));
  return {
    sprintId,
    name: sprint.name,
    state: sprint.state,
    startDate: sprint.startDate.toISOString(),
    endDate: sprint.endDate.toISOString(),
    timeZone: team.timeZone,
    committedPoints: series.committed,
    days: series.days,
    scopeChanges: series.scopeChanges.map((c) => ({ ...c, title: titles.get(c.cardId) ?? 'A deleted card', at: new Date(c.at).toISOString() })),
  };
}
