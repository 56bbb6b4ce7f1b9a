-- AlterTable
ALTER TABLE "cards" ADD COLUMN     "escalated_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "standup_time" TEXT NOT NULL DEFAULT '09:30';

-- A stand-up time is a time of day on a 24-hour clock.
ALTER TABLE "teams" ADD CONSTRAINT "teams_standup_time_check" CHECK ("standup_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
