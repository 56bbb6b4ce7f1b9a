-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'GAVE_UP');

-- CreateTable
CREATE TABLE "webhooks" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "disabled_reason" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhooks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" TEXT NOT NULL,
    "webhook_id" TEXT NOT NULL,
    "activity_id" BIGINT NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMP(3),
    "last_status" INTEGER,
    "last_response" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMP(3),

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhooks_team_id_idx" ON "webhooks"("team_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_status_next_attempt_at_idx" ON "webhook_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_webhook_id_activity_id_event_key" ON "webhook_deliveries"("webhook_id", "activity_id", "event");

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The outbox is written by this trigger, in the transaction of the activity entry: a change and its deliveries
-- commit together or not at all. Event kinds are derived from entry kinds; a move into a done column is also
-- "card.done". The payload is the entry as stored.
CREATE FUNCTION queue_webhook_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
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
    ELSE NULL END;
  IF v_events IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO webhook_deliveries (id, webhook_id, activity_id, event, payload, next_attempt_at)
  SELECT gen_random_uuid()::text, w.id, NEW.id, e.event,
    jsonb_build_object('event', e.event, 'teamId', NEW.team_id, 'boardId', NEW.board_id, 'cardId', NEW.card_id, 'sprintId', NEW.sprint_id,
      'actorId', NEW.actor_id, 'at', to_char(NEW.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'activity', jsonb_build_object('id', NEW.id::text, 'kind', NEW.kind, 'field', NEW.field, 'from', NEW."from", 'to', NEW."to")),
    now() AT TIME ZONE 'UTC'
  FROM webhooks w CROSS JOIN unnest(v_events) AS e(event)
  WHERE w.team_id = NEW.team_id AND w.active AND e.event = ANY (w.events);
  RETURN NULL;
END;
$$;

CREATE TRIGGER activity_queue_webhook_deliveries AFTER INSERT ON activity FOR EACH ROW EXECUTE FUNCTION queue_webhook_deliveries();
