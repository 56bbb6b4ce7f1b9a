-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('PLANNED', 'RUNNING', 'DONE');

-- AlterTable
ALTER TABLE "cards" ADD COLUMN     "campaign_id" TEXT;

-- CreateTable
CREATE TABLE "campaigns" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "goal" TEXT NOT NULL DEFAULT '',
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "owner_id" TEXT,
    "colour" TEXT NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'PLANNED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cards_campaign_id_idx" ON "cards"("campaign_id");

-- AddForeignKey
ALTER TABLE "cards" ADD CONSTRAINT "cards_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- prisma/sql/functions/card_summary.sql
CREATE OR REPLACE FUNCTION public.card_summary(c cards)
 RETURNS json
 LANGUAGE sql
 STABLE
AS $function$
  SELECT json_build_object(
    'id', c.id, 'columnId', c.column_id, 'swimlaneId', c.swimlane_id, 'sprintId', c.sprint_id, 'type', c.type,
    'title', c.title, 'rank', c.rank, 'estimate', c.estimate,
    'startDate', to_char(c.start_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'dueDate', to_char(c.due_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'labels', c.labels,
    'blocked', c.blocked, 'blockedReason', c.blocked_reason, 'blockedSince', to_char(c.blocked_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'hypothesis', c.hypothesis, 'experimentResult', c.experiment_result, 'campaignId', c.campaign_id,
    'ownerIds', COALESCE((SELECT array_agg(o.user_id ORDER BY o.user_id) FROM card_owners o WHERE o.card_id = c.id), '{}'),
    'principleIds', COALESCE((SELECT array_agg(p.principle_id ORDER BY p.principle_id) FROM card_principles p WHERE p.card_id = c.id), '{}'),
    -- Where the card's approval stands: the same rule as approvalStanding in the domain.
    'approval', (SELECT json_build_object(
        'state', CASE WHEN bool_or(a.decision = 'CHANGES_REQUESTED') THEN 'changes_requested'
                      WHEN bool_and(a.decision = 'APPROVED') THEN 'approved' ELSE 'pending' END,
        'approved', count(*) FILTER (WHERE a.decision = 'APPROVED'), 'of', count(*))
      FROM approval_requests r JOIN approvers a ON a.request_id = r.id WHERE r.card_id = c.id GROUP BY r.id),
    -- The cover's thumbnail, of its attachment's newest version that is a raster image (decision 68; the kinds are
    -- the domain's showsInline).
    'cover', (SELECT json_build_object('attachmentId', v.attachment_id,
        'thumbnailUrl', '/api/attachments/' || v.attachment_id || '/versions/' || max(v.number) || '/thumbnail')
      FROM attachment_versions v WHERE v.attachment_id = c.cover_attachment_id
        AND v.content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')
      GROUP BY v.attachment_id),
    'version', c.version, 'updatedAt', to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )
$function$;
