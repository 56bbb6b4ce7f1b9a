CREATE OR REPLACE FUNCTION public.sequence_activity()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
$function$;
