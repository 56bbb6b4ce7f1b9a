CREATE OR REPLACE FUNCTION public.portfolio_stage_position(column_id text, category text)
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$
  SELECT COALESCE(
    (SELECT s.position FROM columns c JOIN portfolio_stages s ON s.id = c.portfolio_stage_id AND s.flow_category::text = category WHERE c.id = column_id),
    (SELECT MIN(position) FROM portfolio_stages WHERE flow_category::text = category));
$function$;
