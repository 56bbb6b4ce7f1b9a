import type { CardTimeline, FlowCategory } from '@amb/domain/card-timeline';
import { activityKinds } from '@amb/shared/activity';
import type { Db } from '../../db/prisma';

// Cards' timelines, folded from the activity log and anchored on each card's current state: a value before the
// first recorded change is that change's `from`, and a card with no recorded change has held its current value
// since it was created.

interface Change<T> {
  at: number;
  from: T | undefined;
  to: T;
}

function intervals<T>(createdAt: number, changes: Change<T>[], current: T): { from: number; to: number | null; value: T }[] {
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

const relevantKinds = [activityKinds.cardMoved, activityKinds.cardSprintChanged, activityKinds.cardEstimateChanged, activityKinds.cardArchived, activityKinds.cardRestored];

/** Timelines of the given cards over their whole life: column (flow category), sprint, estimate, archived time. */
export async function loadCardTimelines(db: Db, cardIds: string[]): Promise<CardTimeline[]> {
  if (!cardIds.length) return [];
  const [cards, rows] = await Promise.all([
    db.$queryRaw<{ id: string; created_at: Date; column_id: string; flow_category: FlowCategory; sprint_id: string | null; estimate: number | null; archived_at: Date | null }[]>`
      SELECT c.id, c.created_at, c.column_id, k.flow_category::text AS flow_category, c.sprint_id, c.estimate, c.archived_at
      FROM cards c JOIN columns k ON k.id = c.column_id WHERE c.id = ANY(${cardIds}::text[])`,
    db.$queryRaw<{ card_id: string; at: Date; kind: string; field: string | null; from: unknown; to: unknown }[]>`
      SELECT card_id, at, kind, field, "from", "to" FROM activity
      WHERE card_id = ANY(${cardIds}::text[]) AND kind = ANY(${relevantKinds}::text[])
      ORDER BY id`,
  ]);
  const byCard = new Map<string, typeof rows>();
  for (const r of rows) {
    let list = byCard.get(r.card_id);
    if (!list) byCard.set(r.card_id, (list = []));
    list.push(r);
  }
  return cards.map((card) => {
    const entries = byCard.get(card.id) ?? [];
    const createdAt = card.created_at.getTime();
    const flow = (v: unknown) => (v as { flowCategory?: FlowCategory } | null)?.flowCategory;
    const moves: Change<FlowCategory>[] = entries.filter((e) => e.kind === activityKinds.cardMoved).map((e) => ({ at: e.at.getTime(), from: flow(e.from), to: flow(e.to) ?? card.flow_category }));
    const change = <T>(kind: string, key: string): Change<T>[] =>
      entries.filter((e) => e.kind === kind).map((e) => ({ at: e.at.getTime(), from: ((e.from as Record<string, T> | null)?.[key] ?? null) as T, to: ((e.to as Record<string, T> | null)?.[key] ?? null) as T }));
    const archiving: Change<boolean>[] = entries
      .filter((e) => e.kind === activityKinds.cardArchived || e.kind === activityKinds.cardRestored)
      .map((e) => ({ at: e.at.getTime(), from: e.kind !== activityKinds.cardArchived, to: e.kind === activityKinds.cardArchived }));
    return {
      cardId: card.id,
      createdAt,
      columns: intervals(createdAt, moves, card.flow_category).map((i) => ({ from: i.from, to: i.to, flowCategory: i.value, columnId: '', swimlaneId: null })),
      blocked: [],
      sprints: intervals<string | null>(createdAt, change<string | null>(activityKinds.cardSprintChanged, 'sprintId'), card.sprint_id).flatMap((i) => (i.value ? [{ from: i.from, to: i.to, sprintId: i.value }] : [])),
      estimates: intervals<number | null>(createdAt, change<number | null>(activityKinds.cardEstimateChanged, 'points'), card.estimate).map((i) => ({ from: i.from, to: i.to, points: i.value })),
      archived: intervals(createdAt, archiving, card.archived_at !== null).flatMap((i) => (i.value ? [{ from: i.from, to: i.to }] : [])),
    };
  });
}

/** Every card that was ever in one of the sprints, by the log and by the cards' current sprint. */
export async function cardsEverInSprints(db: Db, sprintIds: string[]): Promise<string[]> {
  if (!sprintIds.length) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM cards WHERE sprint_id = ANY(${sprintIds}::text[])
    UNION
    SELECT card_id FROM activity
    WHERE card_id IS NOT NULL AND kind = ${activityKinds.cardSprintChanged}
      AND (sprint_id = ANY(${sprintIds}::text[]) OR ("from" ->> 'sprintId') = ANY(${sprintIds}::text[]) OR ("to" ->> 'sprintId') = ANY(${sprintIds}::text[]))`;
  return rows.map((r) => r.id);
}
