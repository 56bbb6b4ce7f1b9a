CREATE OR REPLACE FUNCTION public.card_stage_flow_from_activity()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  placed int := portfolio_stage_position(NEW."to" ->> 'columnId', NEW."to" ->> 'flowCategory');
  s record;
  before timestamptz(3);
  team text;
BEGIN
  IF placed IS NULL THEN RETURN NULL; END IF;
  FOR s IN SELECT id FROM portfolio_stages WHERE position <= placed LOOP
    SELECT reached_at, team_id INTO before, team FROM card_stage_flow WHERE card_id = NEW.card_id AND stage_id = s.id FOR UPDATE;
    IF NOT FOUND THEN
      INSERT INTO card_stage_flow (card_id, stage_id, team_id, reached_at) VALUES (NEW.card_id, s.id, NEW.team_id, NEW.at);
      team := NEW.team_id;
    ELSIF NEW.at < before THEN
      UPDATE card_stage_flow SET reached_at = NEW.at WHERE card_id = NEW.card_id AND stage_id = s.id;
      UPDATE stage_day_flow SET arrivals = arrivals - 1 WHERE team_id = team AND stage_id = s.id AND day = (before AT TIME ZONE 'UTC')::date;
    ELSE
      CONTINUE;
    END IF;
    INSERT INTO stage_day_flow (team_id, stage_id, day, arrivals) VALUES (team, s.id, (NEW.at AT TIME ZONE 'UTC')::date, 1)
      ON CONFLICT (team_id, stage_id, day) DO UPDATE SET arrivals = stage_day_flow.arrivals + 1;
  END LOOP;
  RETURN NULL;
END $function$;
