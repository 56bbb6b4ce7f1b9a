-- AlterTable
ALTER TABLE "cards" ADD COLUMN     "pmo_handler_id" TEXT,
ADD COLUMN     "pmo_note" TEXT,
ADD COLUMN     "pmo_state" TEXT,
ADD COLUMN     "pmo_state_at" TIMESTAMP(3);

-- AddForeignKey
ALTER TABLE "cards" ADD CONSTRAINT "cards_pmo_handler_id_fkey" FOREIGN KEY ("pmo_handler_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The PMO's state exists only on an escalated card: waiting (null), being handled, or cleared by the PMO.
ALTER TABLE "cards" ADD CONSTRAINT "cards_pmo_state_check" CHECK (
  "pmo_state" IS NULL OR ("escalated_at" IS NOT NULL AND "pmo_state" IN ('handling', 'cleared'))
);

-- The obstacle list: open blocked cards, oldest obstacle first.
CREATE INDEX "cards_open_blocked_idx" ON "cards" ("blocked_since") WHERE "blocked" AND "archived_at" IS NULL;

-- CreateTable
CREATE TABLE "card_blocks" (
    "activity_id" BIGINT NOT NULL,
    "card_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "category" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL,
    "ended_at" TIMESTAMP(3),
    "obstacle_started_at" TIMESTAMP(3) NOT NULL,
    "cleared" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "card_blocks_pkey" PRIMARY KEY ("activity_id")
);

-- CreateIndex
CREATE INDEX "card_blocks_team_id_started_at_idx" ON "card_blocks"("team_id", "started_at");

-- A card has at most one open stretch; the trigger finds it by card.
CREATE UNIQUE INDEX "card_blocks_open_idx" ON "card_blocks" ("card_id") WHERE "ended_at" IS NULL;
-- Time to clear: the obstacles cleared in a period, per team.
CREATE INDEX "card_blocks_cleared_idx" ON "card_blocks" ("team_id", "ended_at") WHERE "cleared";

-- Keeps card_blocks from the activity log, in the transaction that writes the entry (decision 27). A new reason or
-- category while blocked ends the open stretch and starts the next, so one card's blocks never overlap.
CREATE FUNCTION card_blocks_from_activity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  began timestamp(3);
BEGIN
  UPDATE card_blocks SET ended_at = NEW.at, cleared = (NEW.kind = 'card.unblocked')
    WHERE card_id = NEW.card_id AND ended_at IS NULL
    RETURNING obstacle_started_at INTO began;
  IF NEW.kind = 'card.blocked' THEN
    INSERT INTO card_blocks (activity_id, card_id, team_id, category, started_at, obstacle_started_at)
    VALUES (NEW.id, NEW.card_id, NEW.team_id, NEW."to" ->> 'category', NEW.at, COALESCE(began, NEW.at));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER activity_card_blocks AFTER INSERT ON activity
  FOR EACH ROW
  WHEN (NEW.kind IN ('card.blocked', 'card.unblocked', 'card.archived') AND NEW.card_id IS NOT NULL AND NEW.team_id IS NOT NULL)
  EXECUTE FUNCTION card_blocks_from_activity();

-- Rebuilds the whole table from the log: for history written before this migration, and for bulk loads that
-- insert activity with triggers off (the dashboard benchmark). Entries of one card are taken in log order.
CREATE FUNCTION rebuild_card_blocks() RETURNS void LANGUAGE sql AS $$
  TRUNCATE card_blocks;
  INSERT INTO card_blocks (activity_id, card_id, team_id, category, started_at, ended_at, obstacle_started_at, cleared)
  SELECT id, card_id, team_id, "to" ->> 'category', at, next_at, MIN(at) OVER (PARTITION BY card_id, episode), COALESCE(next_kind = 'card.unblocked', false)
  FROM (
    SELECT id, card_id, team_id, kind, at, "to",
      LEAD(at) OVER card_order AS next_at,
      LEAD(kind) OVER card_order AS next_kind,
      COALESCE(SUM(CASE WHEN kind = 'card.blocked' THEN 0 ELSE 1 END) OVER (card_order ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS episode
    FROM activity
    WHERE kind IN ('card.blocked', 'card.unblocked', 'card.archived') AND card_id IS NOT NULL AND team_id IS NOT NULL
    WINDOW card_order AS (PARTITION BY card_id ORDER BY at, id)
  ) e
  WHERE kind = 'card.blocked';
$$;

SELECT rebuild_card_blocks();
