CREATE OR REPLACE FUNCTION public.rebuild_card_blocks()
 RETURNS void
 LANGUAGE sql
AS $function$
  TRUNCATE card_blocks;
  INSERT INTO card_blocks (activity_id, card_id, team_id, category, started_at, ended_at, obstacle_started_at, cleared)
  SELECT id, card_id, team_id, category, at, next_at, MIN(at) OVER (PARTITION BY card_id, episode), COALESCE(next_kind = 'card.unblocked', false)
  FROM (
    SELECT id, card_id, team_id, kind, at, next_at, next_kind, episode, block_kinds,
      CASE WHEN kind = 'card.restored' THEN block_categories[cardinality(block_categories)] ELSE "to" ->> 'category' END AS category
    FROM (
      SELECT id, card_id, team_id, kind, at, "to",
        LEAD(at) OVER card_order AS next_at,
        LEAD(kind) OVER card_order AS next_kind,
        COALESCE(SUM(CASE WHEN kind IN ('card.blocked', 'card.restored') THEN 0 ELSE 1 END) OVER (card_order ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS episode,
        array_agg(kind) FILTER (WHERE kind IN ('card.blocked', 'card.unblocked')) OVER (card_order ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS block_kinds,
        array_agg("to" ->> 'category') FILTER (WHERE kind = 'card.blocked') OVER (card_order ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS block_categories
      FROM activity
      WHERE kind IN ('card.blocked', 'card.unblocked', 'card.archived', 'card.restored') AND card_id IS NOT NULL AND team_id IS NOT NULL
      WINDOW card_order AS (PARTITION BY card_id ORDER BY at, id)
    ) e
  ) f
  WHERE kind = 'card.blocked' OR (kind = 'card.restored' AND block_kinds[cardinality(block_kinds)] = 'card.blocked');
$function$;
