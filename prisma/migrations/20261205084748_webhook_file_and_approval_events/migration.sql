-- prisma/sql/functions/queue_webhook_deliveries.sql
CREATE OR REPLACE FUNCTION public.queue_webhook_deliveries()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_events text[];
BEGIN
  IF NEW.team_id IS NULL THEN
    RETURN NULL;
  END IF;
  v_events := CASE NEW.kind
    WHEN 'card.created' THEN ARRAY['card.created']
    WHEN 'card.moved' THEN CASE WHEN NEW."to"->>'flowCategory' = 'DONE' AND NEW."from"->>'flowCategory' IS DISTINCT FROM 'DONE'
      THEN ARRAY['card.moved', 'card.done'] ELSE ARRAY['card.moved'] END
    WHEN 'card.blocked' THEN ARRAY['card.blocked']
    WHEN 'sprint.started' THEN ARRAY['sprint.started']
    WHEN 'sprint.closed' THEN ARRAY['sprint.closed']
    WHEN 'wip.breach.started' THEN ARRAY['wip.breach.started']
    WHEN 'attachment.added' THEN ARRAY['attachment.added']
    WHEN 'attachment.version.added' THEN ARRAY['attachment.added']
    WHEN 'approval.decided' THEN ARRAY['approval.decided']
    ELSE NULL END;
  IF v_events IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO webhook_deliveries (id, webhook_id, activity_id, event, payload, next_attempt_at)
  SELECT gen_random_uuid()::text, w.id, NEW.id, e.event,
    jsonb_build_object('event', e.event, 'teamId', NEW.team_id, 'boardId', NEW.board_id, 'cardId', NEW.card_id, 'sprintId', NEW.sprint_id,
      'actorId', NEW.actor_id, 'at', to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'activity', jsonb_build_object('id', NEW.id::text, 'kind', NEW.kind, 'field', NEW.field, 'from', NEW."from", 'to', NEW."to")),
    now()
  FROM webhooks w CROSS JOIN unnest(v_events) AS e(event)
  WHERE w.team_id = NEW.team_id AND w.active AND e.event = ANY (w.events);
  RETURN NULL;
END;
$function$;
