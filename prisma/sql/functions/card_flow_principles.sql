CREATE OR REPLACE FUNCTION public.card_flow_principles()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE card_flow SET principle_ids = card_principle_ids(OLD.card_id) WHERE card_id = OLD.card_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE card_flow SET principle_ids = card_principle_ids(NEW.card_id) WHERE card_id = NEW.card_id;
  END IF;
  RETURN NULL;
END $function$;
