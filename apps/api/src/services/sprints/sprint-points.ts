import type { Db } from '../../db/prisma';

/** Committed and done points per sprint, from the open cards in each (one grouped query). */
export async function sprintPoints(db: Db, sprintIds: string[]) {
  if (!sprintIds.length) return new Map<string, { committed: number; done: number; cards: number }>();
  const rows = await db.$queryRaw<{ sprint_id: string; committed: number; done: number; cards: number }[]>`
    SELECT c.sprint_id,
      COALESCE(SUM(c.estimate), 0)::int AS committed,
      COALESCE(SUM(c.estimate) FILTER (WHERE k.flow_category = 'DONE'), 0)::int AS done,
      COUNT(*)::int AS cards
    FROM cards c JOIN columns k ON k.id = c.column_id
    WHERE c.archived_at IS NULL AND c.sprint_id = ANY(${sprintIds}::text[])
    GROUP BY c.sprint_id`;
  return new Map(rows.map((r) => [r.sprint_id, { committed: r.committed, done: r.done, cards: r.cards }]));
}
