import { burnSeries } from '@amb/domain/sprint-charts';
import type { SprintChart } from '@amb/shared/sprints';
import type { ServiceContext } from '../context';
import { cardsEverInSprints, loadCardTimelines } from './card-timelines';
import { loadSprintFor } from './sprint-access';
import { sprintWindow } from './sprint-window';

/** Burndown and burnup of one sprint, from its cards' history. */
export async function getSprintChart({ db, actor }: ServiceContext, sprintId: string): Promise<SprintChart> {
  const sprint = await loadSprintFor(db, actor, sprintId, 'view');
  const [team, timelines] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: sprint.teamId }, select: { timeZone: true } }),
    cardsEverInSprints(db, [sprintId]).then((ids) => loadCardTimelines(db, ids)),
  ]);
  const series = burnSeries(timelines, sprintWindow(sprint, team.timeZone));
  const titles = new Map(timelines.map((t) => [t.cardId, t.title]));
  return {
    sprintId,
    name: sprint.name,
    state: sprint.state,
    startDate: sprint.startDate.toISOString(),
    endDate: sprint.endDate.toISOString(),
    timeZone: team.timeZone,
    committedPoints: series.committed,
    days: series.days,
    scopeChanges: series.scopeChanges.map((c) => ({
      ...c,
      title: titles.get(c.cardId) ?? 'A deleted card',
      at: new Date(c.at).toISOString(),
    })),
  };
}
