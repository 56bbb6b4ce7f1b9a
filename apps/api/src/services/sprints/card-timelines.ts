import type { CardTimeline, FlowCategory } from '@amb/domain/card-timeline';
import { activityKinds } from '@amb/shared/activity';
import { sql, type Db } from '../../db/prisma';

// Cards' timelines, folded from the activity log and anchored on each card's current state: a value before the
// first recorded change is that change's `from`, and a card with no recorded change has held its current value
// since it was created.

interface Change<T> {
  at: number;
  from: T | undefined;
  to: T;
}

function intervals<T>(
  createdAt: number,
  changes: Change<T>[],
  current: T,
): { from: number; to: number | null; value: T }[] {
  const out: { from: number; to: number | null; value: T }[] = [];
  let value = changes.length && changes[0]!.from !== undefined ? changes[0]!.from : current;
  let from = createdAt;
  for (const c of changes) {
    if (c.at > from) out.push({ from, to: c.at, value });
    from = Math.max(from, c.at);
    value = c.to;
  }
  out.push({ from, to: null, value });
  return out;
}

// Each change as plain values (epoch milliseconds, text), so a thousand cards' history reads quickly.
const changesSql = `
  SELECT card_id, (extract(epoch FROM at) * 1000)::float8 AS at, kind,
    CASE kind WHEN $2 THEN "from" ->> 'flowCategory' WHEN $3 THEN "from" ->> 'sprintId' WHEN $4 THEN "from" ->> 'points' END AS before,
    CASE kind WHEN $2 THEN "to" ->> 'flowCategory' WHEN $3 THEN "to" ->> 'sprintId' WHEN $4 THEN "to" ->> 'points' END AS after
  FROM activity
  WHERE card_id = ANY($1::text[]) AND kind IN ($2, $3, $4, $5, $6)
  ORDER BY id`;
const cardsSql = `
  SELECT c.id, c.title, (extract(epoch FROM c.created_at) * 1000)::float8 AS created_at, k.flow_category::text AS flow_category, c.sprint_id, c.estimate, c.archived_at IS NOT NULL AS archived
  FROM cards c JOIN columns k ON k.id = c.column_id WHERE c.id = ANY($1::text[])`;

/** Timelines of the given cards over their whole life: column (flow category), sprint, estimate, archived time. */
export async function loadCardTimelines(db: Db, cardIds: string[]): Promise<(CardTimeline & { title: string })[]> {
  if (!cardIds.length) return [];
  const [cards, rows] = await Promise.all([
    sql<{
      id: string;
      title: string;
      created_at: number;
      flow_category: FlowCategory;
      sprint_id: string | null;
      estimate: number | null;
      archived: boolean;
    }>(db, 'timeline-cards', cardsSql, [cardIds]),
    sql<{ card_id: string; at: number; kind: string; before: string | null; after: string | null }>(
      db,
      'timeline-changes',
      changesSql,
      [
        cardIds,
        activityKinds.cardMoved,
        activityKinds.cardSprintChanged,
        activityKinds.cardEstimateChanged,
        activityKinds.cardArchived,
        activityKinds.cardRestored,
      ],
    ),
  ]);
  const byCard = new Map<string, typeof rows>();
  for (const r of rows) {
    let list = byCard.get(r.card_id);
    if (!list) byCard.set(r.card_id, (list = []));
    list.push(r);
  }
  const points = (v: string | null) => (v === null ? null : Number(v));
  return cards.map((card) => {
    const entries = byCard.get(card.id) ?? [];
    const createdAt = card.created_at;
    const of = (kind: string) => entries.filter((e) => e.kind === kind);
    const moves: Change<FlowCategory>[] = of(activityKinds.cardMoved).map((e) => ({
      at: e.at,
      from: (e.before ?? undefined) as FlowCategory | undefined,
      to: (e.after ?? card.flow_category) as FlowCategory,
    }));
    const sprints: Change<string | null>[] = of(activityKinds.cardSprintChanged).map((e) => ({
      at: e.at,
      from: e.before,
      to: e.after,
    }));
    const estimates: Change<number | null>[] = of(activityKinds.cardEstimateChanged).map((e) => ({
      at: e.at,
      from: points(e.before),
      to: points(e.after),
    }));
    const archiving: Change<boolean>[] = entries
      .filter((e) => e.kind === activityKinds.cardArchived || e.kind === activityKinds.cardRestored)
      .map((e) => ({
        at: e.at,
        from: e.kind !== activityKinds.cardArchived,
        to: e.kind === activityKinds.cardArchived,
      }));
    return {
      cardId: card.id,
      title: card.title,
      createdAt,
      columns: intervals(createdAt, moves, card.flow_category).map((i) => ({
        from: i.from,
        to: i.to,
        flowCategory: i.value,
        columnId: '',
        swimlaneId: null,
      })),
      blocked: [],
      sprints: intervals(createdAt, sprints, card.sprint_id).flatMap((i) =>
        i.value ? [{ from: i.from, to: i.to, sprintId: i.value }] : [],
      ),
      estimates: intervals(createdAt, estimates, card.estimate).map((i) => ({
        from: i.from,
        to: i.to,
        points: i.value,
      })),
      archived: intervals(createdAt, archiving, card.archived).flatMap((i) =>
        i.value ? [{ from: i.from, to: i.to }] : [],
      ),
    };
  });
}

/** Every card that was ever in one of the sprints, by the log and by the cards' current sprint. */
export async function cardsEverInSprints(db: Db, sprintIds: string[]): Promise<string[]> {
  if (!sprintIds.length) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM cards WHERE sprint_id = ANY(${sprintIds}::text[])
    UNION
    SELECT card_id FROM activity WHERE kind = ${activityKinds.cardSprintChanged} AND sprint_id = ANY(${sprintIds}::text[]) AND card_id IS NOT NULL
    UNION
    SELECT card_id FROM activity WHERE kind = ${activityKinds.cardSprintChanged} AND ("from" ->> 'sprintId') = ANY(${sprintIds}::text[]) AND card_id IS NOT NULL`;
  return rows.map((r) => r.id);
}
