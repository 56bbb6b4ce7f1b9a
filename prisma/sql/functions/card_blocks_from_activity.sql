CREATE OR REPLACE FUNCTION public.card_blocks_from_activity()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  began timestamptz(3);
  last_kind text;
  last_category text;
BEGIN
  IF NEW.kind = 'card.restored' THEN
    SELECT kind, "to" ->> 'category' INTO last_kind, last_category FROM activity
      WHERE card_id = NEW.card_id AND kind IN ('card.blocked', 'card.unblocked') AND (at, id) < (NEW.at, NEW.id)
      ORDER BY at DESC, id DESC LIMIT 1;
    IF last_kind = 'card.blocked' THEN
      INSERT INTO card_blocks (activity_id, card_id, team_id, category, started_at, obstacle_started_at)
      VALUES (NEW.id, NEW.card_id, NEW.team_id, last_category, NEW.at, NEW.at)
      ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
  END IF;
  UPDATE card_blocks SET ended_at = NEW.at, cleared = (NEW.kind = 'card.unblocked')
    WHERE card_id = NEW.card_id AND ended_at IS NULL
    RETURNING obstacle_started_at INTO began;
  IF NEW.kind = 'card.blocked' THEN
    INSERT INTO card_blocks (activity_id, card_id, team_id, category, started_at, obstacle_started_at)
    VALUES (NEW.id, NEW.card_id, NEW.team_id, NEW."to" ->> 'category', NEW.at, COALESCE(began, NEW.at));
  END IF;
  RETURN NULL;
END $function$;
