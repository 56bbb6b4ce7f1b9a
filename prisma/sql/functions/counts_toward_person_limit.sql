-- A card counts against its owners' limits when it enters an in-progress column from one that is not (from_flow
-- null: a new or restored card, or one counted where it is, in to_flow).
-- Twin of countsTowardPersonLimit in packages/domain/src/wip.ts (held equal by apps/api/test/wip-rules.test.ts).
CREATE OR REPLACE FUNCTION public.counts_toward_person_limit(from_flow "FlowCategory", to_flow "FlowCategory")
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT to_flow = 'IN_PROGRESS' AND from_flow IS DISTINCT FROM 'IN_PROGRESS'
$function$;
