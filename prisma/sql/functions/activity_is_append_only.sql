CREATE OR REPLACE FUNCTION public.activity_is_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'the activity log is append-only';
END;
$function$;
