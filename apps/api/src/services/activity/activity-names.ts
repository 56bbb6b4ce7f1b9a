import type { Db } from '../../db/prisma';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id-looking string inside activity payloads (columns, swimlanes, sprints, people, cards, principles). */
function idsIn(value: unknown, into: Set<string>) {
  if (typeof value === 'string') {
    if (uuid.test(value)) into.add(value);
  } else if (Array.isArray(value)) value.forEach((v) => idsIn(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => idsIn(v, into));
}

/**
 * The names of what activity entries refer to, by id, so history reads "moved this from In progress to Review"
 * and never shows an id. Things deleted since are simply missing; the sentence says so in words.
 */
export async function activityNames(
  db: Db,
  entries: { from: unknown; to: unknown }[],
): Promise<Record<string, string>> {
  const ids = new Set<string>();
  for (const e of entries) {
    idsIn(e.from, ids);
    idsIn(e.to, ids);
  }
  if (!ids.size) return {};
  const where = { id: { in: [...ids] } };
  const select = { id: true, name: true } as const;
  const [columns, lanes, sprints, people, principles, teams, cards, stages] = await Promise.all([
    db.column.findMany({ where, select }),
    db.swimlane.findMany({ where, select }),
    db.sprint.findMany({ where, select }),
    db.user.findMany({ where, select }),
    db.principle.findMany({ where, select }),
    db.team.findMany({ where, select }),
    db.card.findMany({ where, select: { id: true, title: true } }),
    db.portfolioStage.findMany({ where, select }),
  ]);
  return Object.fromEntries(
    [
      ...columns,
      ...lanes,
      ...sprints,
      ...people,
      ...principles,
      ...teams,
      ...stages,
      ...cards.map((c) => ({ id: c.id, name: c.title })),
    ].map((r) => [r.id, r.name]),
  );
}
