CREATE OR REPLACE FUNCTION public.card_flow_estimate()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE card_flow SET estimate = NEW.estimate WHERE card_id = NEW.id;
  RETURN NULL;
END $function$;
