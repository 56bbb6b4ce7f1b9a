CREATE OR REPLACE FUNCTION public.card_principle_ids(card text)
 RETURNS text[]
 LANGUAGE sql
 STABLE
AS $function$
  SELECT COALESCE(array_agg(principle_id ORDER BY principle_id), ARRAY[]::text[]) FROM card_principles WHERE card_id = card;
$function$;
