-- AlterTable
ALTER TABLE "columns" ADD COLUMN     "rank_epoch" INTEGER NOT NULL DEFAULT 0;
