-- Commit-order numbers without making commits on one board wait for each other (docs/decisions/0007).
-- A committing transaction now takes a *shared* advisory lock per board before numbering its entries, so writers
-- never wait on one another. A reader of a board takes the same key exclusively before it reads: that waits for
-- the transactions already numbering entries on the board to finish their commit, and holds new ones back only
-- for the length of the read. So a reader still never sees a number while a smaller one is to come.
CREATE OR REPLACE FUNCTION sequence_activity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_xid bigint := (pg_current_xact_id())::text::bigint;
  v_key int;
BEGIN
  IF current_setting('amb.activity_sequenced', true) = v_xid::text THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('amb.activity_sequenced', v_xid::text, true);
  FOR v_key IN SELECT DISTINCT hashtext(COALESCE(board_id, '')) FROM activity WHERE xid = v_xid ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock_shared(20261126, v_key);
  END LOOP;
  INSERT INTO activity_commits (activity_id, board_id)
    SELECT id, board_id FROM activity WHERE xid = v_xid ORDER BY id;
  RETURN NULL;
END;
$$;
