-- AlterTable
ALTER TABLE "cards" ADD COLUMN     "import_job_id" TEXT;

-- AlterTable
ALTER TABLE "import_jobs" ADD COLUMN     "heartbeat_at" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "cards_import_job_id_idx" ON "cards"("import_job_id");
