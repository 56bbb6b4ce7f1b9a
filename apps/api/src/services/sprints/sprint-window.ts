import type { SprintWindow } from '@amb/domain/sprint-charts';
import type { Sprint } from '../../generated/prisma/client.ts';

const day = (d: Date) => d.toISOString().slice(0, 10);

/** How the chart math sees a sprint: its calendar days, when it started and closed, in the team's time zone. */
export function sprintWindow(sprint: Sprint, timeZone: string, now = Date.now()): SprintWindow {
  return {
    sprintId: sprint.id,
    startDay: day(sprint.startDate),
    endDay: day(sprint.endDate),
    startedAt: sprint.startedAt?.getTime() ?? null,
    closedAt: sprint.closedAt?.getTime() ?? null,
    timeZone,
    now,
  };
}
