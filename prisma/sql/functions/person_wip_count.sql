-- The open cards a person owns that count toward their WIP limit, on every board, not counting except_card_id
-- ('' for none).
CREATE OR REPLACE FUNCTION public.person_wip_count(person_id text, except_card_id text)
 RETURNS integer
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT count(*)::int FROM card_owners o JOIN cards c ON c.id = o.card_id JOIN columns k ON k.id = c.column_id
  WHERE o.user_id = person_id AND c.archived_at IS NULL AND c.id <> except_card_id
    AND counts_toward_person_limit(NULL, k.flow_category)
$function$;
