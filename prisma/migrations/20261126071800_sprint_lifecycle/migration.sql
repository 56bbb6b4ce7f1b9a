-- AlterTable
ALTER TABLE "cards" ADD COLUMN     "backlog_rank" TEXT;

-- AlterTable
ALTER TABLE "sprints" ADD COLUMN     "close_report" JSONB,
ADD COLUMN     "committed_points" INTEGER,
ADD COLUMN     "completed_points" INTEGER,
ADD COLUMN     "goal_met" BOOLEAN,
ADD COLUMN     "started_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "time_zone" TEXT NOT NULL DEFAULT 'UTC';

-- CreateTable
CREATE TABLE "sprint_availability" (
    "sprint_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "days_off" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "sprint_availability_pkey" PRIMARY KEY ("sprint_id","user_id")
);

-- AddForeignKey
ALTER TABLE "sprint_availability" ADD CONSTRAINT "sprint_availability_sprint_id_fkey" FOREIGN KEY ("sprint_id") REFERENCES "sprints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sprint_availability" ADD CONSTRAINT "sprint_availability_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backlog ranks sort byte by byte, as column ranks do.
ALTER TABLE "cards" ALTER COLUMN "backlog_rank" TYPE TEXT COLLATE "C";

-- Rules the database keeps whatever the code does.
ALTER TABLE "sprints" ADD CONSTRAINT "sprints_dates_in_order" CHECK ("end_date" > "start_date");
ALTER TABLE "sprints" ADD CONSTRAINT "sprints_capacity_not_negative" CHECK ("capacity_points" IS NULL OR "capacity_points" >= 0);
ALTER TABLE "sprint_availability" ADD CONSTRAINT "sprint_availability_days_off_not_negative" CHECK ("days_off" >= 0);
-- At most one active sprint per team.
CREATE UNIQUE INDEX "sprints_one_active_per_team" ON "sprints" ("team_id") WHERE "state" = 'ACTIVE';

-- Sprint charts find every card that was ever in a sprint: added to it (stored under the sprint) or taken out of it.
CREATE INDEX "activity_sprint_change_from" ON "activity" (("from" ->> 'sprintId')) WHERE "kind" = 'card.sprint.changed';
