-- AlterTable
ALTER TABLE "columns" ADD COLUMN     "import_job_id" TEXT;

-- AlterTable
ALTER TABLE "swimlanes" ADD COLUMN     "import_job_id" TEXT;
