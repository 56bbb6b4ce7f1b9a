-- AlterTable
ALTER TABLE "retrospective_notes" ADD COLUMN     "edited_at" TIMESTAMP(3);
