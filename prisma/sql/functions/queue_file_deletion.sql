CREATE OR REPLACE FUNCTION public.queue_file_deletion()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  -- However the row went (its attachment, card, board or team deleted), its stored bytes are queued for removal,
  -- in the same transaction: a rollback keeps both.
  INSERT INTO file_deletions (storage_key) VALUES (OLD.storage_key) ON CONFLICT DO NOTHING;
  RETURN OLD;
END;
$function$;
