CREATE OR REPLACE FUNCTION public.rebuild_card_stage_flow(teams text[] DEFAULT NULL::text[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
DECLARE
  chosen text[] := COALESCE(teams, ARRAY(SELECT id FROM teams));
BEGIN
  DELETE FROM card_stage_flow WHERE team_id = ANY(chosen);
  DELETE FROM stage_day_flow WHERE team_id = ANY(chosen);
  WITH firsts AS (
    SELECT DISTINCT ON (flow_category) flow_category::text AS category, position FROM portfolio_stages ORDER BY flow_category, position
  ), placed AS (
    SELECT a.id, a.card_id, a.team_id, a.at, COALESCE(mapped.position, firsts.position) AS position
    FROM activity a
    JOIN firsts ON firsts.category = a."to" ->> 'flowCategory'
    LEFT JOIN columns c ON c.id = a."to" ->> 'columnId'
    LEFT JOIN portfolio_stages mapped ON mapped.id = c.portfolio_stage_id AND mapped.flow_category::text = a."to" ->> 'flowCategory'
    WHERE a.kind IN ('card.created', 'card.moved', 'card.restored') AND a.card_id IS NOT NULL AND a.team_id = ANY(chosen)
  ), cards AS (
    SELECT DISTINCT ON (card_id) card_id, team_id FROM placed ORDER BY card_id, id
  ), reached AS (
    SELECT card_id, position, MIN(at) AS at FROM placed GROUP BY card_id, position
  )
  INSERT INTO card_stage_flow (card_id, stage_id, team_id, reached_at)
  SELECT r.card_id, s.id, cards.team_id, MIN(r.at)
  FROM reached r JOIN cards USING (card_id) JOIN portfolio_stages s ON s.position <= r.position
  GROUP BY r.card_id, s.id, cards.team_id;
  INSERT INTO stage_day_flow (team_id, stage_id, day, arrivals)
  SELECT team_id, stage_id, (reached_at AT TIME ZONE 'UTC')::date, COUNT(*)::int FROM card_stage_flow WHERE team_id = ANY(chosen)
  GROUP BY 1, 2, 3;
END $function$;
