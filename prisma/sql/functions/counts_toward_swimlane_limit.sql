-- A swimlane's limit counts only work under way: cards in its to-do and in-progress columns.
-- Twin of countsTowardSwimlaneLimit in packages/domain/src/wip.ts (held equal by apps/api/test/wip-rules.test.ts).
-- Plain SQL and immutable, so PostgreSQL writes it into the query that calls it.
CREATE OR REPLACE FUNCTION public.counts_toward_swimlane_limit(flow "FlowCategory")
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT flow IN ('TODO', 'IN_PROGRESS')
$function$;
