import type { CardTimeline, FlowCategory } from '@amb/domain/card-timeline';
import { foldCardTimeline, type TimelineEntry } from '@amb/domain/fold-card-timeline';
import { activityKinds } from '@amb/shared/activity';
import { sql, type Db } from '../../db/prisma';

// Cards' timelines over their whole life, folded by the domain's rule (foldCardTimeline) from the activity log and
// anchored on each card's current state: a part no entry changed has held its current value since the card was
// created.

const timelineKindList = [
  activityKinds.cardMoved,
  activityKinds.cardSprintChanged,
  activityKinds.cardEstimateChanged,
  activityKinds.cardArchived,
  activityKinds.cardRestored,
];
const changesSql = `
  SELECT card_id AS "cardId", (extract(epoch FROM at) * 1000)::float8 AS at, kind, "from", "to"
  FROM activity
  WHERE card_id = ANY($1::text[]) AND kind = ANY($2::text[])
  ORDER BY id`;
const cardsSql = `
  SELECT c.id, c.title, (extract(epoch FROM c.created_at) * 1000)::float8 AS created_at, c.column_id,
    c.swimlane_id, k.flow_category::text AS flow_category, c.sprint_id, c.estimate, c.archived_at IS NOT NULL AS archived
  FROM cards c JOIN columns k ON k.id = c.column_id WHERE c.id = ANY($1::text[])`;

/** Timelines of the given cards over their whole life: column (flow category), sprint, estimate, archived time. */
export async function loadCardTimelines(db: Db, cardIds: string[]): Promise<(CardTimeline & { title: string })[]> {
  if (!cardIds.length) return [];
  const [cards, rows] = await Promise.all([
    sql<{
      id: string;
      title: string;
      created_at: number;
      column_id: string;
      swimlane_id: string | null;
      flow_category: FlowCategory;
      sprint_id: string | null;
      estimate: number | null;
      archived: boolean;
    }>(db, 'timeline-cards', cardsSql, [cardIds]),
    sql<TimelineEntry & { cardId: string }>(db, 'timeline-changes', changesSql, [cardIds, timelineKindList]),
  ]);
  const byCard = new Map<string, TimelineEntry[]>();
  for (const r of rows) {
    let list = byCard.get(r.cardId);
    if (!list) byCard.set(r.cardId, (list = []));
    list.push(r);
  }
  return cards.map((card) => ({
    ...foldCardTimeline(
      card.id,
      byCard.get(card.id) ?? [],
      { start: card.created_at },
      {
        place: { columnId: card.column_id, swimlaneId: card.swimlane_id, flowCategory: card.flow_category },
        archived: card.archived,
        sprintId: card.sprint_id,
        points: card.estimate,
      },
    ),
    createdAt: card.created_at,
    title: card.title,
  }));
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
