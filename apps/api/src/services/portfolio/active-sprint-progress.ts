// The active sprint's progress for the PMO overview, read from the sprint table's own columns (state, dates,
// capacity) and today's cards (estimates and columns' flow categories). Kept apart so the sprint work can
// replace it with its committed-scope figures without touching the overview.
import type { SprintProgress } from '@amb/shared/portfolio';
import type { Db } from '../../db/prisma';
import { sprintPoints } from '../sprints/sprint-points';

export async function activeSprintProgress(
  db: Db,
  teamIds: string[],
  now = Date.now(),
): Promise<Map<string, SprintProgress>> {
  const sprints = await db.sprint.findMany({
    where: { teamId: { in: teamIds }, state: 'ACTIVE' },
    orderBy: { startDate: 'desc' },
  });
  const points = await sprintPoints(
    db,
    sprints.map((s) => s.id),
  );
  const progress = new Map<string, SprintProgress>();
  for (const s of sprints) {
    if (progress.has(s.teamId)) continue;
    const p = points.get(s.id) ?? { committed: 0, done: 0 };
    const length = s.endDate.getTime() - s.startDate.getTime();
    const elapsed = length > 0 ? Math.min(1, Math.max(0, (now - s.startDate.getTime()) / length)) : 1;
    progress.set(s.teamId, {
      id: s.id,
      name: s.name,
      startDate: s.startDate.toISOString(),
      endDate: s.endDate.toISOString(),
      committedPoints: p.committed,
      donePoints: p.done,
      capacityPoints: s.capacityPoints,
      elapsed: round(elapsed, 2),
      done: p.committed > 0 ? round(p.done / p.committed, 2) : null,
      overCommitted: s.capacityPoints !== null && p.committed > s.capacityPoints,
    });
  }
  return progress;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
