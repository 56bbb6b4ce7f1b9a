CREATE OR REPLACE FUNCTION public.rebuild_card_flow()
 RETURNS void
 LANGUAGE sql
AS $function$
  TRUNCATE card_flow;
  INSERT INTO card_flow (card_id, team_id, board_id, first_seen_at, backlog_at, todo_at, in_progress_at, done_at, estimate, principle_ids)
  SELECT a.*, c.estimate, COALESCE(p.ids, ARRAY[]::text[])
  FROM (
    SELECT card_id, (array_agg(team_id ORDER BY id))[1] AS team_id, (array_agg(board_id ORDER BY id))[1] AS board_id, MIN(at) AS first_seen_at,
      MIN(at) FILTER (WHERE "to" ->> 'flowCategory' = 'BACKLOG') AS backlog_at,
      MIN(at) FILTER (WHERE "to" ->> 'flowCategory' = 'TODO') AS todo_at,
      MIN(at) FILTER (WHERE "to" ->> 'flowCategory' = 'IN_PROGRESS') AS in_progress_at,
      MIN(at) FILTER (WHERE "to" ->> 'flowCategory' = 'DONE') AS done_at
    FROM activity
    WHERE kind IN ('card.created', 'card.moved', 'card.restored') AND card_id IS NOT NULL AND team_id IS NOT NULL
    GROUP BY card_id
  ) a
  LEFT JOIN cards c ON c.id = a.card_id
  LEFT JOIN (SELECT card_id, array_agg(principle_id ORDER BY principle_id) AS ids FROM card_principles GROUP BY card_id) p ON p.card_id = a.card_id;
  SELECT rebuild_card_stage_flow(NULL);
$function$;
