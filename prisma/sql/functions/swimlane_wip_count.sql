-- The open cards of a swimlane that count toward its WIP limit, not counting except_card_id ('' for none).
CREATE OR REPLACE FUNCTION public.swimlane_wip_count(lane_id text, except_card_id text)
 RETURNS integer
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT count(*)::int FROM cards c JOIN columns k ON k.id = c.column_id
  WHERE c.swimlane_id = lane_id AND c.archived_at IS NULL AND c.id <> except_card_id
    AND counts_toward_swimlane_limit(k.flow_category)
$function$;
