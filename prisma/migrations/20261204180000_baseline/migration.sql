-- The schema as it stood before the first release, in one migration. It replaces the 28 migrations written until
-- then (20261124034316_init to 20261126135500_card_blocks_after_restore): a database that applied all of them is
-- recorded as having applied this one instead (apps/api/src/db/migrate.ts), so it is never run there.
-- Functions and triggers are as they were then; their current definitions are in prisma/sql/.

-- CreateEnum
CREATE TYPE "OrgRole" AS ENUM ('NONE', 'PMO', 'ADMIN');

-- CreateEnum
CREATE TYPE "TeamRole" AS ENUM ('SCRUM_MASTER', 'PRODUCT_OWNER', 'MEMBER', 'VIEWER');

-- CreateEnum
CREATE TYPE "TeamKind" AS ENUM ('MARKETING', 'DEVELOPMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "SignUpPolicy" AS ENUM ('OPEN', 'INVITATION_ONLY', 'DOMAINS');

-- CreateEnum
CREATE TYPE "WipPolicy" AS ENUM ('SOFT', 'HARD');

-- CreateEnum
CREATE TYPE "FlowCategory" AS ENUM ('BACKLOG', 'TODO', 'IN_PROGRESS', 'DONE');

-- CreateEnum
CREATE TYPE "CardType" AS ENUM ('TASK', 'EXPERIMENT');

-- CreateEnum
CREATE TYPE "ExperimentResult" AS ENUM ('VALIDATED', 'INVALIDATED', 'INCONCLUSIVE');

-- CreateEnum
CREATE TYPE "SprintState" AS ENUM ('PLANNED', 'ACTIVE', 'CLOSED');

-- CreateEnum
CREATE TYPE "LinkKind" AS ENUM ('DEPENDS_ON', 'BLOCKS', 'RELATES');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'GAVE_UP');

-- CreateEnum
CREATE TYPE "RetrospectiveState" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "RetrospectiveGroup" AS ENUM ('WENT_WELL', 'TO_IMPROVE', 'ACTION');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "org_role" "OrgRole" NOT NULL DEFAULT 'NONE',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failed_sign_ins" INTEGER NOT NULL DEFAULT 0,
    "sign_in_locked_until" TIMESTAMP(3),
    "deactivated_at" TIMESTAMP(3),
    "wip_limit" INTEGER,
    "wip_policy" "WipPolicy" NOT NULL DEFAULT 'SOFT',

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "user_agent" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "teams" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "TeamKind" NOT NULL DEFAULT 'MARKETING',
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "standup_time" TEXT NOT NULL DEFAULT '09:30',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archived_at" TIMESTAMP(3),

    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "user_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "role" "TeamRole" NOT NULL DEFAULT 'MEMBER',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("user_id","team_id")
);

-- CreateTable
CREATE TABLE "invitations" (
    "id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "role" "TeamRole" NOT NULL,
    "invited_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "accepted_at" TIMESTAMP(3),
    "accepted_by_id" TEXT,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "org_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "sign_up_policy" "SignUpPolicy" NOT NULL DEFAULT 'INVITATION_ONLY',
    "allowed_domains" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "org_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "boards" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archived_at" TIMESTAMP(3),

    CONSTRAINT "boards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "columns" (
    "id" TEXT NOT NULL,
    "board_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "wip_limit" INTEGER,
    "wip_policy" "WipPolicy" NOT NULL DEFAULT 'SOFT',
    "flow_category" "FlowCategory" NOT NULL DEFAULT 'TODO',
    "rank_epoch" INTEGER NOT NULL DEFAULT 0,
    "aging_days" INTEGER NOT NULL DEFAULT 3,
    "portfolio_stage_id" TEXT,
    "import_job_id" TEXT,

    CONSTRAINT "columns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "swimlanes" (
    "id" TEXT NOT NULL,
    "board_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "wip_limit" INTEGER,
    "wip_policy" "WipPolicy" NOT NULL DEFAULT 'SOFT',
    "import_job_id" TEXT,

    CONSTRAINT "swimlanes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wip_breaches" (
    "id" TEXT NOT NULL,
    "board_id" TEXT NOT NULL,
    "column_id" TEXT,
    "swimlane_id" TEXT,
    "limit" INTEGER NOT NULL,
    "peak_count" INTEGER NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMP(3),

    CONSTRAINT "wip_breaches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cards" (
    "id" TEXT NOT NULL,
    "board_id" TEXT NOT NULL,
    "column_id" TEXT NOT NULL,
    "swimlane_id" TEXT,
    "sprint_id" TEXT,
    "type" "CardType" NOT NULL DEFAULT 'TASK',
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "rank" TEXT COLLATE "C" NOT NULL,
    "estimate" INTEGER,
    "due_date" TIMESTAMP(3),
    "labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "blocked" BOOLEAN NOT NULL DEFAULT false,
    "blocked_reason" TEXT,
    "blocked_since" TIMESTAMP(3),
    "blocker_category" TEXT,
    "escalated_at" TIMESTAMP(3),
    "pmo_state" TEXT,
    "pmo_handler_id" TEXT,
    "pmo_note" TEXT,
    "pmo_state_at" TIMESTAMP(3),
    "hypothesis" TEXT,
    "metric" TEXT,
    "experiment_result" "ExperimentResult",
    "archived_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "completed_at" TIMESTAMP(3),
    "backlog_rank" TEXT COLLATE "C",
    "source_id" TEXT,
    "import_job_id" TEXT,

    CONSTRAINT "cards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "card_owners" (
    "card_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "card_owners_pkey" PRIMARY KEY ("card_id","user_id")
);

-- CreateTable
CREATE TABLE "principles" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    "archived_at" TIMESTAMP(3),

    CONSTRAINT "principles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "card_principles" (
    "card_id" TEXT NOT NULL,
    "principle_id" TEXT NOT NULL,

    CONSTRAINT "card_principles_pkey" PRIMARY KEY ("card_id","principle_id")
);

-- CreateTable
CREATE TABLE "sprints" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "goal" TEXT NOT NULL DEFAULT '',
    "start_date" TIMESTAMP(3) NOT NULL,
    "end_date" TIMESTAMP(3) NOT NULL,
    "capacity_points" INTEGER,
    "state" "SprintState" NOT NULL DEFAULT 'PLANNED',
    "started_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "committed_points" INTEGER,
    "completed_points" INTEGER,
    "goal_met" BOOLEAN,
    "close_report" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sprints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sprint_availability" (
    "sprint_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "days_off" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "sprint_availability_pkey" PRIMARY KEY ("sprint_id","user_id")
);

-- CreateTable
CREATE TABLE "comments" (
    "id" TEXT NOT NULL,
    "card_id" TEXT NOT NULL,
    "author_id" TEXT,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMP(3),

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "checklists" (
    "id" TEXT NOT NULL,
    "card_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "checklists_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "checklist_items" (
    "id" TEXT NOT NULL,
    "checklist_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL,

    CONSTRAINT "checklist_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "card_links" (
    "id" TEXT NOT NULL,
    "from_card_id" TEXT NOT NULL,
    "to_card_id" TEXT NOT NULL,
    "kind" "LinkKind" NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "card_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "team_id" TEXT,
    "board_id" TEXT,
    "card_id" TEXT,
    "sprint_id" TEXT,
    "kind" TEXT NOT NULL,
    "field" TEXT,
    "from" JSONB,
    "to" JSONB,
    "xid" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,

    CONSTRAINT "activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity_commits" (
    "seq" BIGSERIAL NOT NULL,
    "activity_id" BIGINT NOT NULL,
    "board_id" TEXT,

    CONSTRAINT "activity_commits_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "card_flow" (
    "card_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "board_id" TEXT,
    "first_seen_at" TIMESTAMP(3) NOT NULL,
    "backlog_at" TIMESTAMP(3),
    "todo_at" TIMESTAMP(3),
    "in_progress_at" TIMESTAMP(3),
    "done_at" TIMESTAMP(3),
    "estimate" INTEGER,
    "principle_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "card_flow_pkey" PRIMARY KEY ("card_id")
);

-- CreateTable
CREATE TABLE "portfolio_stages" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "flow_category" "FlowCategory" NOT NULL,

    CONSTRAINT "portfolio_stages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "card_stage_flow" (
    "card_id" TEXT NOT NULL,
    "stage_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "reached_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "card_stage_flow_pkey" PRIMARY KEY ("card_id","stage_id")
);

-- CreateTable
CREATE TABLE "stage_recounts" (
    "team_id" TEXT NOT NULL,
    "requested_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "stage_recounts_pkey" PRIMARY KEY ("team_id")
);

-- CreateTable
CREATE TABLE "stage_day_flow" (
    "team_id" TEXT NOT NULL,
    "stage_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "arrivals" INTEGER NOT NULL,

    CONSTRAINT "stage_day_flow_pkey" PRIMARY KEY ("team_id","stage_id","day")
);

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

-- CreateTable
CREATE TABLE "access_changes" (
    "id" BIGSERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "access_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_jobs" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "board_id" TEXT NOT NULL,
    "created_by_id" TEXT,
    "format" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'QUEUED',
    "plan" JSONB NOT NULL,
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "skipped" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "heartbeat_at" TIMESTAMP(3),

    CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhooks" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "disabled_reason" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhooks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" TEXT NOT NULL,
    "webhook_id" TEXT NOT NULL,
    "activity_id" BIGINT NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMP(3),
    "last_status" INTEGER,
    "last_response" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMP(3),

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "retrospectives" (
    "id" TEXT NOT NULL,
    "sprint_id" TEXT NOT NULL,
    "state" "RetrospectiveState" NOT NULL DEFAULT 'OPEN',
    "votes_per_person" INTEGER NOT NULL DEFAULT 3,
    "opened_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "retrospectives_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "retrospective_notes" (
    "id" TEXT NOT NULL,
    "retrospective_id" TEXT NOT NULL,
    "group" "RetrospectiveGroup" NOT NULL,
    "text" TEXT NOT NULL,
    "principle_id" TEXT,
    "author_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMP(3),
    "card_id" TEXT,

    CONSTRAINT "retrospective_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "retrospective_votes" (
    "note_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "dots" INTEGER NOT NULL,

    CONSTRAINT "retrospective_votes_pkey" PRIMARY KEY ("note_id","user_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "teams_slug_key" ON "teams"("slug");

-- CreateIndex
CREATE INDEX "memberships_team_id_idx" ON "memberships"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");

-- CreateIndex
CREATE INDEX "invitations_team_id_created_at_idx" ON "invitations"("team_id", "created_at");

-- CreateIndex
CREATE INDEX "invitations_email_idx" ON "invitations"("email");

-- CreateIndex
CREATE INDEX "boards_team_id_idx" ON "boards"("team_id");

-- CreateIndex
CREATE INDEX "columns_board_id_position_idx" ON "columns"("board_id", "position");

-- CreateIndex
CREATE INDEX "swimlanes_board_id_position_idx" ON "swimlanes"("board_id", "position");

-- CreateIndex
CREATE INDEX "wip_breaches_board_id_ended_at_idx" ON "wip_breaches"("board_id", "ended_at");

-- CreateIndex
CREATE INDEX "wip_breaches_started_at_idx" ON "wip_breaches"("started_at");

-- CreateIndex
CREATE INDEX "cards_import_job_id_idx" ON "cards"("import_job_id");

-- CreateIndex
CREATE INDEX "cards_column_id_rank_idx" ON "cards"("column_id", "rank");

-- CreateIndex
CREATE INDEX "cards_board_id_archived_at_idx" ON "cards"("board_id", "archived_at");

-- CreateIndex
CREATE INDEX "cards_sprint_id_idx" ON "cards"("sprint_id");

-- CreateIndex
CREATE UNIQUE INDEX "cards_board_id_source_id_key" ON "cards"("board_id", "source_id");

-- CreateIndex
CREATE INDEX "card_owners_user_id_idx" ON "card_owners"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "principles_key_key" ON "principles"("key");

-- CreateIndex
CREATE INDEX "card_principles_principle_id_idx" ON "card_principles"("principle_id");

-- CreateIndex
CREATE INDEX "sprints_team_id_state_idx" ON "sprints"("team_id", "state");

-- CreateIndex
CREATE INDEX "comments_card_id_created_at_idx" ON "comments"("card_id", "created_at");

-- CreateIndex
CREATE INDEX "checklists_card_id_idx" ON "checklists"("card_id");

-- CreateIndex
CREATE INDEX "checklist_items_checklist_id_idx" ON "checklist_items"("checklist_id");

-- CreateIndex
CREATE INDEX "card_links_to_card_id_idx" ON "card_links"("to_card_id");

-- CreateIndex
CREATE UNIQUE INDEX "card_links_from_card_id_to_card_id_kind_key" ON "card_links"("from_card_id", "to_card_id", "kind");

-- CreateIndex
CREATE INDEX "activity_board_id_id_idx" ON "activity"("board_id", "id");

-- CreateIndex
CREATE INDEX "activity_xid_idx" ON "activity"("xid");

-- CreateIndex
CREATE INDEX "activity_team_id_at_idx" ON "activity"("team_id", "at");

-- CreateIndex
CREATE INDEX "activity_card_id_at_idx" ON "activity"("card_id", "at");

-- CreateIndex
CREATE INDEX "activity_sprint_id_at_idx" ON "activity"("sprint_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "activity_commits_activity_id_key" ON "activity_commits"("activity_id");

-- CreateIndex
CREATE INDEX "activity_commits_board_id_seq_idx" ON "activity_commits"("board_id", "seq");

-- CreateIndex
CREATE INDEX "card_flow_team_id_done_at_idx" ON "card_flow"("team_id", "done_at");

-- CreateIndex
CREATE INDEX "card_flow_team_id_first_seen_at_idx" ON "card_flow"("team_id", "first_seen_at");

-- CreateIndex
CREATE UNIQUE INDEX "portfolio_stages_name_key" ON "portfolio_stages"("name");

-- CreateIndex
CREATE INDEX "card_stage_flow_reached_at_stage_id_idx" ON "card_stage_flow"("reached_at", "stage_id");

-- CreateIndex
CREATE INDEX "card_stage_flow_team_id_reached_at_stage_id_idx" ON "card_stage_flow"("team_id", "reached_at", "stage_id");

-- CreateIndex
CREATE INDEX "stage_day_flow_stage_id_day_idx" ON "stage_day_flow"("stage_id", "day");

-- CreateIndex
CREATE INDEX "card_blocks_team_id_started_at_idx" ON "card_blocks"("team_id", "started_at");

-- CreateIndex
CREATE INDEX "import_jobs_status_created_at_idx" ON "import_jobs"("status", "created_at");

-- CreateIndex
CREATE INDEX "import_jobs_team_id_created_at_idx" ON "import_jobs"("team_id", "created_at");

-- CreateIndex
CREATE INDEX "webhooks_team_id_idx" ON "webhooks"("team_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_status_next_attempt_at_idx" ON "webhook_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_webhook_id_activity_id_event_key" ON "webhook_deliveries"("webhook_id", "activity_id", "event");

-- CreateIndex
CREATE UNIQUE INDEX "retrospectives_sprint_id_key" ON "retrospectives"("sprint_id");

-- CreateIndex
CREATE UNIQUE INDEX "retrospective_notes_card_id_key" ON "retrospective_notes"("card_id");

-- CreateIndex
CREATE INDEX "retrospective_notes_retrospective_id_created_at_idx" ON "retrospective_notes"("retrospective_id", "created_at");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "boards" ADD CONSTRAINT "boards_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "columns" ADD CONSTRAINT "columns_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "boards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "columns" ADD CONSTRAINT "columns_portfolio_stage_id_fkey" FOREIGN KEY ("portfolio_stage_id") REFERENCES "portfolio_stages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "swimlanes" ADD CONSTRAINT "swimlanes_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "boards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cards" ADD CONSTRAINT "cards_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "boards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cards" ADD CONSTRAINT "cards_column_id_fkey" FOREIGN KEY ("column_id") REFERENCES "columns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cards" ADD CONSTRAINT "cards_swimlane_id_fkey" FOREIGN KEY ("swimlane_id") REFERENCES "swimlanes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cards" ADD CONSTRAINT "cards_sprint_id_fkey" FOREIGN KEY ("sprint_id") REFERENCES "sprints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cards" ADD CONSTRAINT "cards_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cards" ADD CONSTRAINT "cards_pmo_handler_id_fkey" FOREIGN KEY ("pmo_handler_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "card_owners" ADD CONSTRAINT "card_owners_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "cards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "card_owners" ADD CONSTRAINT "card_owners_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "card_principles" ADD CONSTRAINT "card_principles_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "cards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "card_principles" ADD CONSTRAINT "card_principles_principle_id_fkey" FOREIGN KEY ("principle_id") REFERENCES "principles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sprints" ADD CONSTRAINT "sprints_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sprint_availability" ADD CONSTRAINT "sprint_availability_sprint_id_fkey" FOREIGN KEY ("sprint_id") REFERENCES "sprints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sprint_availability" ADD CONSTRAINT "sprint_availability_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "cards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checklists" ADD CONSTRAINT "checklists_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "cards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checklist_items" ADD CONSTRAINT "checklist_items_checklist_id_fkey" FOREIGN KEY ("checklist_id") REFERENCES "checklists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "card_links" ADD CONSTRAINT "card_links_from_card_id_fkey" FOREIGN KEY ("from_card_id") REFERENCES "cards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "card_links" ADD CONSTRAINT "card_links_to_card_id_fkey" FOREIGN KEY ("to_card_id") REFERENCES "cards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "card_links" ADD CONSTRAINT "card_links_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "card_stage_flow" ADD CONSTRAINT "card_stage_flow_stage_id_fkey" FOREIGN KEY ("stage_id") REFERENCES "portfolio_stages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stage_recounts" ADD CONSTRAINT "stage_recounts_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stage_day_flow" ADD CONSTRAINT "stage_day_flow_stage_id_fkey" FOREIGN KEY ("stage_id") REFERENCES "portfolio_stages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "retrospectives" ADD CONSTRAINT "retrospectives_sprint_id_fkey" FOREIGN KEY ("sprint_id") REFERENCES "sprints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "retrospective_notes" ADD CONSTRAINT "retrospective_notes_retrospective_id_fkey" FOREIGN KEY ("retrospective_id") REFERENCES "retrospectives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "retrospective_notes" ADD CONSTRAINT "retrospective_notes_principle_id_fkey" FOREIGN KEY ("principle_id") REFERENCES "principles"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "retrospective_notes" ADD CONSTRAINT "retrospective_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "retrospective_notes" ADD CONSTRAINT "retrospective_notes_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "cards"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "retrospective_votes" ADD CONSTRAINT "retrospective_votes_note_id_fkey" FOREIGN KEY ("note_id") REFERENCES "retrospective_notes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "retrospective_votes" ADD CONSTRAINT "retrospective_votes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------- Rules and indexes that schema.prisma cannot express ----------

-- Rules the database keeps whatever the code does.
ALTER TABLE "sprints" ADD CONSTRAINT "sprints_dates_in_order" CHECK ("end_date" > "start_date");
ALTER TABLE "sprints" ADD CONSTRAINT "sprints_capacity_not_negative" CHECK ("capacity_points" IS NULL OR "capacity_points" >= 0);
ALTER TABLE "sprint_availability" ADD CONSTRAINT "sprint_availability_days_off_not_negative" CHECK ("days_off" >= 0);
-- One row of organisation settings, always id 1.
ALTER TABLE "org_settings" ADD CONSTRAINT "org_settings_single_row" CHECK ("id" = 1);
-- A stand-up time is a time of day on a 24-hour clock.
ALTER TABLE "teams" ADD CONSTRAINT "teams_standup_time_check" CHECK ("standup_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
ALTER TABLE "columns" ADD CONSTRAINT "columns_aging_days_check" CHECK ("aging_days" BETWEEN 1 AND 365);
ALTER TABLE "retrospectives" ADD CONSTRAINT "retrospectives_votes_per_person_check" CHECK ("votes_per_person" BETWEEN 1 AND 20);
ALTER TABLE "retrospective_votes" ADD CONSTRAINT "retrospective_votes_dots_check" CHECK ("dots" > 0);
ALTER TABLE "retrospective_notes" ADD CONSTRAINT "retrospective_notes_text_check" CHECK (length("text") BETWEEN 1 AND 500);
-- The PMO's state exists only on an escalated card: waiting (null), being handled, or cleared by the PMO.
ALTER TABLE "cards" ADD CONSTRAINT "cards_pmo_state_check" CHECK (
  "pmo_state" IS NULL OR ("escalated_at" IS NOT NULL AND "pmo_state" IN ('handling', 'cleared'))
);

-- At most one active sprint per team.
CREATE UNIQUE INDEX "sprints_one_active_per_team" ON "sprints" ("team_id") WHERE "state" = 'ACTIVE';
-- Sprint charts find every card that was ever in a sprint: added to it (stored under the sprint) or taken out of it.
CREATE INDEX "activity_sprint_change_from" ON "activity" (("from" ->> 'sprintId')) WHERE "kind" = 'card.sprint.changed';
-- The obstacle list: open blocked cards, oldest obstacle first.
CREATE INDEX "cards_open_blocked_idx" ON "cards" ("blocked_since") WHERE "blocked" AND "archived_at" IS NULL;
-- A card has at most one open stretch; the trigger finds it by card.
CREATE UNIQUE INDEX "card_blocks_open_idx" ON "card_blocks" ("card_id") WHERE "ended_at" IS NULL;
-- Time to clear: the obstacles cleared in a period, per team.
CREATE INDEX "card_blocks_cleared_idx" ON "card_blocks" ("team_id", "ended_at") WHERE "cleared";

-- ---------- Rows every installation starts with ----------

INSERT INTO "org_settings" ("id") VALUES (1);
-- The default stages: one per flow category.
INSERT INTO "portfolio_stages" ("id", "name", "position", "flow_category") VALUES
  (gen_random_uuid()::text, 'Backlog', 0, 'BACKLOG'),
  (gen_random_uuid()::text, 'To do', 1, 'TODO'),
  (gen_random_uuid()::text, 'In progress', 2, 'IN_PROGRESS'),
  (gen_random_uuid()::text, 'Done', 3, 'DONE');

-- ---------- Functions ----------

CREATE OR REPLACE FUNCTION public.activity_is_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'the activity log is append-only';
END;
$function$;

CREATE OR REPLACE FUNCTION public.card_blocks_from_activity()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  began timestamp(3);
  last_kind text;
  last_category text;
BEGIN
  IF NEW.kind = 'card.restored' THEN
    SELECT kind, "to" ->> 'category' INTO last_kind, last_category FROM activity
      WHERE card_id = NEW.card_id AND kind IN ('card.blocked', 'card.unblocked') AND (at, id) < (NEW.at, NEW.id)
      ORDER BY at DESC, id DESC LIMIT 1;
    IF last_kind = 'card.blocked' THEN
      INSERT INTO card_blocks (activity_id, card_id, team_id, category, started_at, obstacle_started_at)
      VALUES (NEW.id, NEW.card_id, NEW.team_id, last_category, NEW.at, NEW.at)
      ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
  END IF;
  UPDATE card_blocks SET ended_at = NEW.at, cleared = (NEW.kind = 'card.unblocked')
    WHERE card_id = NEW.card_id AND ended_at IS NULL
    RETURNING obstacle_started_at INTO began;
  IF NEW.kind = 'card.blocked' THEN
    INSERT INTO card_blocks (activity_id, card_id, team_id, category, started_at, obstacle_started_at)
    VALUES (NEW.id, NEW.card_id, NEW.team_id, NEW."to" ->> 'category', NEW.at, COALESCE(began, NEW.at));
  END IF;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.card_flow_estimate()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE card_flow SET estimate = NEW.estimate WHERE card_id = NEW.id;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.card_principle_ids(card text)
 RETURNS text[]
 LANGUAGE sql
 STABLE
AS $function$
  SELECT COALESCE(array_agg(principle_id ORDER BY principle_id), ARRAY[]::text[]) FROM card_principles WHERE card_id = card;
$function$;

CREATE OR REPLACE FUNCTION public.card_flow_from_activity()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  stage text := NEW."to" ->> 'flowCategory';
BEGIN
  INSERT INTO card_flow (card_id, team_id, board_id, first_seen_at, backlog_at, todo_at, in_progress_at, done_at, estimate, principle_ids)
  VALUES (
    NEW.card_id, NEW.team_id, NEW.board_id, NEW.at,
    CASE WHEN stage = 'BACKLOG' THEN NEW.at END,
    CASE WHEN stage = 'TODO' THEN NEW.at END,
    CASE WHEN stage = 'IN_PROGRESS' THEN NEW.at END,
    CASE WHEN stage = 'DONE' THEN NEW.at END,
    (SELECT estimate FROM cards WHERE id = NEW.card_id),
    card_principle_ids(NEW.card_id))
  ON CONFLICT (card_id) DO UPDATE SET
    first_seen_at = LEAST(card_flow.first_seen_at, EXCLUDED.first_seen_at),
    backlog_at = LEAST(card_flow.backlog_at, EXCLUDED.backlog_at),
    todo_at = LEAST(card_flow.todo_at, EXCLUDED.todo_at),
    in_progress_at = LEAST(card_flow.in_progress_at, EXCLUDED.in_progress_at),
    done_at = LEAST(card_flow.done_at, EXCLUDED.done_at);
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.card_flow_principles()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE card_flow SET principle_ids = card_principle_ids(OLD.card_id) WHERE card_id = OLD.card_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE card_flow SET principle_ids = card_principle_ids(NEW.card_id) WHERE card_id = NEW.card_id;
  END IF;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.portfolio_stage_position(column_id text, category text)
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$
  SELECT COALESCE(
    (SELECT s.position FROM columns c JOIN portfolio_stages s ON s.id = c.portfolio_stage_id AND s.flow_category::text = category WHERE c.id = column_id),
    (SELECT MIN(position) FROM portfolio_stages WHERE flow_category::text = category));
$function$;

CREATE OR REPLACE FUNCTION public.card_stage_flow_from_activity()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  placed int := portfolio_stage_position(NEW."to" ->> 'columnId', NEW."to" ->> 'flowCategory');
  s record;
  before timestamp(3);
  team text;
BEGIN
  IF placed IS NULL THEN RETURN NULL; END IF;
  FOR s IN SELECT id FROM portfolio_stages WHERE position <= placed LOOP
    SELECT reached_at, team_id INTO before, team FROM card_stage_flow WHERE card_id = NEW.card_id AND stage_id = s.id FOR UPDATE;
    IF NOT FOUND THEN
      INSERT INTO card_stage_flow (card_id, stage_id, team_id, reached_at) VALUES (NEW.card_id, s.id, NEW.team_id, NEW.at);
      team := NEW.team_id;
    ELSIF NEW.at < before THEN
      UPDATE card_stage_flow SET reached_at = NEW.at WHERE card_id = NEW.card_id AND stage_id = s.id;
      UPDATE stage_day_flow SET arrivals = arrivals - 1 WHERE team_id = team AND stage_id = s.id AND day = before::date;
    ELSE
      CONTINUE;
    END IF;
    INSERT INTO stage_day_flow (team_id, stage_id, day, arrivals) VALUES (team, s.id, NEW.at::date, 1)
      ON CONFLICT (team_id, stage_id, day) DO UPDATE SET arrivals = stage_day_flow.arrivals + 1;
  END LOOP;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.card_summary(c cards)
 RETURNS json
 LANGUAGE sql
 STABLE
AS $function$
  SELECT json_build_object(
    'id', c.id, 'columnId', c.column_id, 'swimlaneId', c.swimlane_id, 'sprintId', c.sprint_id, 'type', c.type,
    'title', c.title, 'rank', c.rank, 'estimate', c.estimate,
    'dueDate', to_char(c.due_date, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'labels', c.labels,
    'blocked', c.blocked, 'blockedReason', c.blocked_reason, 'blockedSince', to_char(c.blocked_since, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'hypothesis', c.hypothesis, 'experimentResult', c.experiment_result,
    'ownerIds', COALESCE((SELECT array_agg(o.user_id ORDER BY o.user_id) FROM card_owners o WHERE o.card_id = c.id), '{}'),
    'principleIds', COALESCE((SELECT array_agg(p.principle_id ORDER BY p.principle_id) FROM card_principles p WHERE p.card_id = c.id), '{}'),
    'version', c.version, 'updatedAt', to_char(c.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )
$function$;

CREATE OR REPLACE FUNCTION public.move_card(p_card_id text, p_version integer, p_place jsonb, p_expect jsonb, p_entry jsonb, OUT status text, OUT card json)
 RETURNS record
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_column_id text := p_place->>'columnId';
  v_lane_id text := p_place->>'swimlaneId';
  v_above text := p_expect->>'above';
  v_column columns%ROWTYPE;
  v_lane swimlanes%ROWTYPE;
  v_board_id text;
  v_sprint_id text;
BEGIN
  SELECT * INTO v_column FROM columns WHERE id = v_column_id FOR UPDATE;
  IF p_expect IS NOT NULL THEN
    IF NOT FOUND
      OR v_column.flow_category::text IS DISTINCT FROM p_expect->>'flowCategory'
      OR v_column.wip_limit IS DISTINCT FROM (p_expect->>'columnLimit')::int
      OR v_column.wip_policy::text IS DISTINCT FROM p_expect->>'columnPolicy' THEN
      status := 'changed';
      RETURN;
    END IF;
    IF v_lane_id IS NOT NULL THEN
      IF (p_expect->>'laneCount') IS NOT NULL THEN
        SELECT * INTO v_lane FROM swimlanes WHERE id = v_lane_id FOR UPDATE;
      ELSE
        SELECT * INTO v_lane FROM swimlanes WHERE id = v_lane_id;
      END IF;
      IF NOT FOUND
        OR v_lane.wip_limit IS DISTINCT FROM (p_expect->>'laneLimit')::int
        OR v_lane.wip_policy::text IS DISTINCT FROM p_expect->>'lanePolicy' THEN
        status := 'changed';
        RETURN;
      END IF;
    END IF;
    -- Counts may have gone down since, not up.
    IF (p_expect->>'columnCount') IS NOT NULL AND (
      SELECT count(*) FROM cards WHERE column_id = v_column_id AND archived_at IS NULL AND id <> p_card_id
    ) > (p_expect->>'columnCount')::int THEN
      status := 'changed';
      RETURN;
    END IF;
    IF (p_expect->>'laneCount') IS NOT NULL AND (
      SELECT count(*) FROM cards c JOIN columns k ON k.id = c.column_id
      WHERE c.swimlane_id = v_lane_id AND c.archived_at IS NULL AND c.id <> p_card_id AND k.flow_category IN ('TODO', 'IN_PROGRESS')
    ) > (p_expect->>'laneCount')::int THEN
      status := 'changed';
      RETURN;
    END IF;
    -- A person's limit: when the move counts against the limits of the card's owners (p_expect.owners, those
    -- with a limit), their rows are locked in id order, after the column's and swimlane's, and the decision holds
    -- only if the same owners have the same limits and none of them owns more cards in progress than seen.
    IF jsonb_typeof(p_expect->'owners') = 'array' THEN
      PERFORM 1 FROM users u WHERE u.id IN (SELECT o.user_id FROM card_owners o WHERE o.card_id = p_card_id) ORDER BY u.id FOR NO KEY UPDATE;
      IF (
        SELECT COALESCE(jsonb_agg(jsonb_build_object('userId', u.id, 'limit', u.wip_limit, 'policy', u.wip_policy::text) ORDER BY u.id), '[]'::jsonb)
        FROM users u JOIN card_owners o ON o.user_id = u.id WHERE o.card_id = p_card_id AND u.wip_limit IS NOT NULL
      ) IS DISTINCT FROM (
        SELECT COALESCE(jsonb_agg(jsonb_build_object('userId', e->>'userId', 'limit', (e->>'limit')::int, 'policy', e->>'policy') ORDER BY e->>'userId'), '[]'::jsonb)
        FROM jsonb_array_elements(p_expect->'owners') e
      ) OR EXISTS (
        SELECT 1 FROM jsonb_array_elements(p_expect->'owners') e
        WHERE (
          SELECT count(*) FROM card_owners o JOIN cards c ON c.id = o.card_id JOIN columns k ON k.id = c.column_id
          WHERE o.user_id = e->>'userId' AND c.archived_at IS NULL AND c.id <> p_card_id AND k.flow_category = 'IN_PROGRESS'
        ) > (e->>'count')::int
      ) THEN
        status := 'changed';
        RETURN;
      END IF;
    END IF;
    -- Ranks are as they were (not spread out since), the card it goes after is still where it was, and no card
    -- holds the new rank. A card that came in next to the new place since was dropped there at the same moment:
    -- the two end up next to each other.
    IF v_column.rank_epoch IS DISTINCT FROM (p_expect->>'rankEpoch')::int
      OR (p_expect->>'afterCardId') IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM cards WHERE id = p_expect->>'afterCardId' AND column_id = v_column_id AND archived_at IS NULL AND rank = v_above COLLATE "C"
      )
      OR EXISTS (
        SELECT 1 FROM cards WHERE column_id = v_column_id AND archived_at IS NULL AND id <> p_card_id AND rank = (p_place->>'rank') COLLATE "C"
      ) THEN
      status := 'changed';
      RETURN;
    END IF;
  END IF;

  -- Timestamps are stored as UTC without a zone, as everywhere else in this schema.
  UPDATE cards SET column_id = v_column_id, swimlane_id = v_lane_id, rank = p_place->>'rank', version = version + 1,
    started_at = (p_place->>'startedAt')::timestamp, completed_at = (p_place->>'completedAt')::timestamp,
    updated_at = now() AT TIME ZONE 'UTC'
  WHERE id = p_card_id AND version = p_version
  RETURNING board_id, sprint_id INTO v_board_id, v_sprint_id;
  IF NOT FOUND THEN
    status := 'stale';
    RETURN;
  END IF;
  INSERT INTO activity (actor_id, team_id, board_id, card_id, sprint_id, kind, field, "from", "to")
  VALUES (p_entry->>'actorId', p_entry->>'teamId', v_board_id, p_card_id, v_sprint_id, p_entry->>'kind', p_entry->>'field', p_entry->'from', p_entry->'to');

  -- The card's summary, in the shape the board lists cards.
  SELECT card_summary(c) INTO card FROM cards c WHERE c.id = p_card_id;
  status := 'moved';
END;
$function$;

CREATE OR REPLACE FUNCTION public.note_access_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  person text;
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    person := OLD.id;
  ELSE
    person := OLD.user_id;
  END IF;
  INSERT INTO access_changes (user_id) VALUES (person);
  PERFORM pg_notify('access_change', person);
  RETURN NULL;
END;
$function$;

CREATE OR REPLACE FUNCTION public.notify_board_activity()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF NEW.board_id IS NOT NULL THEN
    PERFORM pg_notify('board_activity', NEW.board_id || ':' || NEW.id);
  END IF;
  RETURN NULL;
END;
$function$;

CREATE OR REPLACE FUNCTION public.queue_webhook_deliveries()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_events text[];
BEGIN
  IF NEW.team_id IS NULL THEN
    RETURN NULL;
  END IF;
  v_events := CASE NEW.kind
    WHEN 'card.created' THEN ARRAY['card.created']
    WHEN 'card.moved' THEN CASE WHEN NEW."to"->>'flowCategory' = 'DONE' AND NEW."from"->>'flowCategory' IS DISTINCT FROM 'DONE'
      THEN ARRAY['card.moved', 'card.done'] ELSE ARRAY['card.moved'] END
    WHEN 'card.blocked' THEN ARRAY['card.blocked']
    WHEN 'sprint.started' THEN ARRAY['sprint.started']
    WHEN 'sprint.closed' THEN ARRAY['sprint.closed']
    WHEN 'wip.breach.started' THEN ARRAY['wip.breach.started']
    ELSE NULL END;
  IF v_events IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO webhook_deliveries (id, webhook_id, activity_id, event, payload, next_attempt_at)
  SELECT gen_random_uuid()::text, w.id, NEW.id, e.event,
    jsonb_build_object('event', e.event, 'teamId', NEW.team_id, 'boardId', NEW.board_id, 'cardId', NEW.card_id, 'sprintId', NEW.sprint_id,
      'actorId', NEW.actor_id, 'at', to_char(NEW.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'activity', jsonb_build_object('id', NEW.id::text, 'kind', NEW.kind, 'field', NEW.field, 'from', NEW."from", 'to', NEW."to")),
    now() AT TIME ZONE 'UTC'
  FROM webhooks w CROSS JOIN unnest(v_events) AS e(event)
  WHERE w.team_id = NEW.team_id AND w.active AND e.event = ANY (w.events);
  RETURN NULL;
END;
$function$;

CREATE OR REPLACE FUNCTION public.rebuild_card_blocks()
 RETURNS void
 LANGUAGE sql
AS $function$
  TRUNCATE card_blocks;
  INSERT INTO card_blocks (activity_id, card_id, team_id, category, started_at, ended_at, obstacle_started_at, cleared)
  SELECT id, card_id, team_id, category, at, next_at, MIN(at) OVER (PARTITION BY card_id, episode), COALESCE(next_kind = 'card.unblocked', false)
  FROM (
    SELECT id, card_id, team_id, kind, at, next_at, next_kind, episode, block_kinds,
      CASE WHEN kind = 'card.restored' THEN block_categories[cardinality(block_categories)] ELSE "to" ->> 'category' END AS category
    FROM (
      SELECT id, card_id, team_id, kind, at, "to",
        LEAD(at) OVER card_order AS next_at,
        LEAD(kind) OVER card_order AS next_kind,
        COALESCE(SUM(CASE WHEN kind IN ('card.blocked', 'card.restored') THEN 0 ELSE 1 END) OVER (card_order ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS episode,
        array_agg(kind) FILTER (WHERE kind IN ('card.blocked', 'card.unblocked')) OVER (card_order ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS block_kinds,
        array_agg("to" ->> 'category') FILTER (WHERE kind = 'card.blocked') OVER (card_order ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS block_categories
      FROM activity
      WHERE kind IN ('card.blocked', 'card.unblocked', 'card.archived', 'card.restored') AND card_id IS NOT NULL AND team_id IS NOT NULL
      WINDOW card_order AS (PARTITION BY card_id ORDER BY at, id)
    ) e
  ) f
  WHERE kind = 'card.blocked' OR (kind = 'card.restored' AND block_kinds[cardinality(block_kinds)] = 'card.blocked');
$function$;

CREATE OR REPLACE FUNCTION public.rebuild_card_stage_flow(teams text[] DEFAULT NULL::text[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
DECLARE
  chosen text[] := COALESCE(teams, ARRAY(SELECT id FROM teams));
BEGIN
  DELETE FROM card_stage_flow WHERE team_id = ANY(chosen);
  DELETE FROM stage_day_flow WHERE team_id = ANY(chosen);
  WITH firsts AS (
    SELECT DISTINCT ON (flow_category) flow_category::text AS category, position FROM portfolio_stages ORDER BY flow_category, position
  ), placed AS (
    SELECT a.id, a.card_id, a.team_id, a.at, COALESCE(mapped.position, firsts.position) AS position
    FROM activity a
    JOIN firsts ON firsts.category = a."to" ->> 'flowCategory'
    LEFT JOIN columns c ON c.id = a."to" ->> 'columnId'
    LEFT JOIN portfolio_stages mapped ON mapped.id = c.portfolio_stage_id AND mapped.flow_category::text = a."to" ->> 'flowCategory'
    WHERE a.kind IN ('card.created', 'card.moved', 'card.restored') AND a.card_id IS NOT NULL AND a.team_id = ANY(chosen)
  ), cards AS (
    SELECT DISTINCT ON (card_id) card_id, team_id FROM placed ORDER BY card_id, id
  ), reached AS (
    SELECT card_id, position, MIN(at) AS at FROM placed GROUP BY card_id, position
  )
  INSERT INTO card_stage_flow (card_id, stage_id, team_id, reached_at)
  SELECT r.card_id, s.id, cards.team_id, MIN(r.at)
  FROM reached r JOIN cards USING (card_id) JOIN portfolio_stages s ON s.position <= r.position
  GROUP BY r.card_id, s.id, cards.team_id;
  INSERT INTO stage_day_flow (team_id, stage_id, day, arrivals)
  SELECT team_id, stage_id, reached_at::date, COUNT(*)::int FROM card_stage_flow WHERE team_id = ANY(chosen)
  GROUP BY 1, 2, 3;
END $function$;

CREATE OR REPLACE FUNCTION public.rebuild_card_flow()
 RETURNS void
 LANGUAGE sql
AS $function$
  TRUNCATE card_flow;
  INSERT INTO card_flow (card_id, team_id, board_id, first_seen_at, backlog_at, todo_at, in_progress_at, done_at, estimate, principle_ids)
  SELECT a.*, c.estimate, COALESCE(p.ids, ARRAY[]::text[])
  FROM (
    SELECT card_id, (array_agg(team_id ORDER BY id))[1] AS team_id, (array_agg(board_id ORDER BY id))[1] AS board_id, MIN(at) AS first_seen_at,
      MIN(at) FILTER (WHERE "to" ->> 'flowCategory' = 'BACKLOG') AS backlog_at,
      MIN(at) FILTER (WHERE "to" ->> 'flowCategory' = 'TODO') AS todo_at,
      MIN(at) FILTER (WHERE "to" ->> 'flowCategory' = 'IN_PROGRESS') AS in_progress_at,
      MIN(at) FILTER (WHERE "to" ->> 'flowCategory' = 'DONE') AS done_at
    FROM activity
    WHERE kind IN ('card.created', 'card.moved', 'card.restored') AND card_id IS NOT NULL AND team_id IS NOT NULL
    GROUP BY card_id
  ) a
  LEFT JOIN cards c ON c.id = a.card_id
  LEFT JOIN (SELECT card_id, array_agg(principle_id ORDER BY principle_id) AS ids FROM card_principles GROUP BY card_id) p ON p.card_id = a.card_id;
  SELECT rebuild_card_stage_flow(NULL);
$function$;

CREATE OR REPLACE FUNCTION public.refuse_write_to_archived_card()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_row record;
  v_card_ids text[];
  v_archived text;
BEGIN
  -- Deleting a card, a board or a team removes what hangs off its cards: that is not a write to an archived card.
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'DELETE' THEN v_row := OLD; ELSE v_row := NEW; END IF;

  IF TG_TABLE_NAME = 'checklist_items' THEN
    SELECT array_agg(card_id) INTO v_card_ids FROM checklists WHERE id = v_row.checklist_id;
  ELSIF TG_TABLE_NAME = 'card_links' THEN
    v_card_ids := ARRAY[v_row.from_card_id, v_row.to_card_id];
  ELSE
    v_card_ids := ARRAY[v_row.card_id];
  END IF;

  PERFORM 1 FROM cards WHERE id = ANY(v_card_ids) ORDER BY id FOR SHARE;
  SELECT id INTO v_archived FROM cards WHERE id = ANY(v_card_ids) AND archived_at IS NOT NULL LIMIT 1;
  IF v_archived IS NOT NULL THEN
    RAISE EXCEPTION 'card % is archived; restore it before changing it', v_archived USING ERRCODE = 'AMB01';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$function$;

CREATE OR REPLACE FUNCTION public.sequence_activity()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_xid bigint := (pg_current_xact_id())::text::bigint;
  v_key int;
BEGIN
  IF current_setting('amb.activity_sequenced', true) = v_xid::text THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('amb.activity_sequenced', v_xid::text, true);
  FOR v_key IN SELECT DISTINCT hashtext(COALESCE(board_id, '')) FROM activity WHERE xid = v_xid ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock_shared(20261126, v_key);
  END LOOP;
  INSERT INTO activity_commits (activity_id, board_id)
    SELECT id, board_id FROM activity WHERE xid = v_xid ORDER BY id;
  RETURN NULL;
END;
$function$;

-- ---------- Triggers ----------

DROP TRIGGER IF EXISTS activity_append_only ON activity;
CREATE TRIGGER activity_append_only BEFORE DELETE OR UPDATE ON activity
  FOR EACH ROW
  EXECUTE FUNCTION activity_is_append_only();

DROP TRIGGER IF EXISTS activity_card_blocks ON activity;
CREATE TRIGGER activity_card_blocks AFTER INSERT ON activity
  FOR EACH ROW
  WHEN ((new.kind = ANY (ARRAY['card.blocked'::text, 'card.unblocked'::text, 'card.archived'::text, 'card.restored'::text])) AND new.card_id IS NOT NULL AND new.team_id IS NOT NULL)
  EXECUTE FUNCTION card_blocks_from_activity();

DROP TRIGGER IF EXISTS activity_card_flow ON activity;
CREATE TRIGGER activity_card_flow AFTER INSERT ON activity
  FOR EACH ROW
  WHEN ((new.kind = ANY (ARRAY['card.created'::text, 'card.moved'::text, 'card.restored'::text])) AND new.card_id IS NOT NULL AND new.team_id IS NOT NULL)
  EXECUTE FUNCTION card_flow_from_activity();

DROP TRIGGER IF EXISTS activity_card_stage_flow ON activity;
CREATE TRIGGER activity_card_stage_flow AFTER INSERT ON activity
  FOR EACH ROW
  WHEN ((new.kind = ANY (ARRAY['card.created'::text, 'card.moved'::text, 'card.restored'::text])) AND new.card_id IS NOT NULL AND new.team_id IS NOT NULL)
  EXECUTE FUNCTION card_stage_flow_from_activity();

DROP TRIGGER IF EXISTS activity_notify_board ON activity;
CREATE TRIGGER activity_notify_board AFTER INSERT ON activity
  FOR EACH ROW
  EXECUTE FUNCTION notify_board_activity();

DROP TRIGGER IF EXISTS activity_queue_webhook_deliveries ON activity;
CREATE TRIGGER activity_queue_webhook_deliveries AFTER INSERT ON activity
  FOR EACH ROW
  EXECUTE FUNCTION queue_webhook_deliveries();

DROP TRIGGER IF EXISTS activity_sequence ON activity;
CREATE CONSTRAINT TRIGGER activity_sequence AFTER INSERT ON activity
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  EXECUTE FUNCTION sequence_activity();

DROP TRIGGER IF EXISTS card_links_card_not_archived ON card_links;
CREATE TRIGGER card_links_card_not_archived BEFORE INSERT OR DELETE OR UPDATE ON card_links
  FOR EACH ROW
  EXECUTE FUNCTION refuse_write_to_archived_card();

DROP TRIGGER IF EXISTS card_owners_card_not_archived ON card_owners;
CREATE TRIGGER card_owners_card_not_archived BEFORE INSERT OR DELETE OR UPDATE ON card_owners
  FOR EACH ROW
  EXECUTE FUNCTION refuse_write_to_archived_card();

DROP TRIGGER IF EXISTS card_principles_card_flow ON card_principles;
CREATE TRIGGER card_principles_card_flow AFTER INSERT OR DELETE OR UPDATE ON card_principles
  FOR EACH ROW
  EXECUTE FUNCTION card_flow_principles();

DROP TRIGGER IF EXISTS card_principles_card_not_archived ON card_principles;
CREATE TRIGGER card_principles_card_not_archived BEFORE INSERT OR DELETE OR UPDATE ON card_principles
  FOR EACH ROW
  EXECUTE FUNCTION refuse_write_to_archived_card();

DROP TRIGGER IF EXISTS cards_card_flow_estimate ON cards;
CREATE TRIGGER cards_card_flow_estimate AFTER UPDATE OF estimate ON cards
  FOR EACH ROW
  WHEN (old.estimate IS DISTINCT FROM new.estimate)
  EXECUTE FUNCTION card_flow_estimate();

DROP TRIGGER IF EXISTS checklist_items_card_not_archived ON checklist_items;
CREATE TRIGGER checklist_items_card_not_archived BEFORE INSERT OR DELETE OR UPDATE ON checklist_items
  FOR EACH ROW
  EXECUTE FUNCTION refuse_write_to_archived_card();

DROP TRIGGER IF EXISTS checklists_card_not_archived ON checklists;
CREATE TRIGGER checklists_card_not_archived BEFORE INSERT OR DELETE OR UPDATE ON checklists
  FOR EACH ROW
  EXECUTE FUNCTION refuse_write_to_archived_card();

DROP TRIGGER IF EXISTS comments_card_not_archived ON comments;
CREATE TRIGGER comments_card_not_archived BEFORE INSERT OR DELETE OR UPDATE ON comments
  FOR EACH ROW
  EXECUTE FUNCTION refuse_write_to_archived_card();

DROP TRIGGER IF EXISTS memberships_access_change ON memberships;
CREATE TRIGGER memberships_access_change AFTER DELETE OR UPDATE ON memberships
  FOR EACH ROW
  EXECUTE FUNCTION note_access_change();

DROP TRIGGER IF EXISTS sessions_access_change ON sessions;
CREATE TRIGGER sessions_access_change AFTER DELETE ON sessions
  FOR EACH ROW
  EXECUTE FUNCTION note_access_change();

DROP TRIGGER IF EXISTS users_access_change ON users;
CREATE TRIGGER users_access_change AFTER DELETE OR UPDATE OF org_role ON users
  FOR EACH ROW
  EXECUTE FUNCTION note_access_change();
