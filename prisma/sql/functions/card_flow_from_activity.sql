CREATE OR REPLACE FUNCTION public.card_flow_from_activity()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  stage text := NEW."to" ->> 'flowCategory';
BEGIN
  INSERT INTO card_flow (card_id, team_id, board_id, first_seen_at, backlog_at, todo_at, in_progress_at, done_at, estimate, principle_ids)
  VALUES (
    NEW.card_id, NEW.team_id, NEW.board_id, NEW.at,
    CASE WHEN stage = 'BACKLOG' THEN NEW.at END,
    CASE WHEN stage = 'TODO' THEN NEW.at END,
    CASE WHEN stage = 'IN_PROGRESS' THEN NEW.at END,
    CASE WHEN stage = 'DONE' THEN NEW.at END,
    (SELECT estimate FROM cards WHERE id = NEW.card_id),
    card_principle_ids(NEW.card_id))
  ON CONFLICT (card_id) DO UPDATE SET
    first_seen_at = LEAST(card_flow.first_seen_at, EXCLUDED.first_seen_at),
    backlog_at = LEAST(card_flow.backlog_at, EXCLUDED.backlog_at),
    todo_at = LEAST(card_flow.todo_at, EXCLUDED.todo_at),
    in_progress_at = LEAST(card_flow.in_progress_at, EXCLUDED.in_progress_at),
    done_at = LEAST(card_flow.done_at, EXCLUDED.done_at);
  RETURN NULL;
END $function$;
