-- Live board updates: every API process listens on "board_activity" and tells the browsers watching that board.
-- The payload is "<board id>:<activity id>"; listeners then read what is new from the activity table itself.
CREATE FUNCTION notify_board_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.board_id IS NOT NULL THEN
    PERFORM pg_notify('board_activity', NEW.board_id || ':' || NEW.id);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER activity_notify_board
  AFTER INSERT ON "activity"
  FOR EACH ROW EXECUTE FUNCTION notify_board_activity();
