CREATE OR REPLACE FUNCTION public.note_access_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  person text;
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    person := OLD.id;
  ELSE
    person := OLD.user_id;
  END IF;
  INSERT INTO access_changes (user_id) VALUES (person);
  PERFORM pg_notify('access_change', person);
  RETURN NULL;
END;
$function$;
