-- AlterTable
ALTER TABLE "import_jobs" ADD COLUMN     "notes" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "request_id" TEXT;
