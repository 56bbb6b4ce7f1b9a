-- AlterTable
ALTER TABLE "webhooks" ADD COLUMN     "failures_in_row" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "paused_until" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "webhook_deliveries_webhook_id_status_next_attempt_at_idx" ON "webhook_deliveries"("webhook_id", "status", "next_attempt_at");
