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

-- Blocked time and time to clear read only the entries that start or end a block, per team and card in order.
CREATE INDEX "activity_blocking_idx" ON "activity" ("team_id", "card_id", "at", "id")
  WHERE "kind" IN ('card.blocked', 'card.unblocked', 'card.archived');
