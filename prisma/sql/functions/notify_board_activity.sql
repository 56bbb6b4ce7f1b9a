CREATE OR REPLACE FUNCTION public.notify_board_activity()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF NEW.board_id IS NOT NULL THEN
    PERFORM pg_notify('board_activity', NEW.board_id || ':' || NEW.id);
  END IF;
  RETURN NULL;
END;
$function$;
