-- CreateTable
CREATE TABLE "attachments" (
    "id" TEXT NOT NULL,
    "card_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uploader_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachment_versions" (
    "id" TEXT NOT NULL,
    "attachment_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "storage_key" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content_type" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "uploader_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "file_deletions" (
    "storage_key" TEXT NOT NULL,
    "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "file_deletions_pkey" PRIMARY KEY ("storage_key")
);

-- CreateIndex
CREATE INDEX "attachments_card_id_created_at_idx" ON "attachments"("card_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "attachment_versions_storage_key_key" ON "attachment_versions"("storage_key");

-- CreateIndex
CREATE UNIQUE INDEX "attachment_versions_attachment_id_number_key" ON "attachment_versions"("attachment_id", "number");

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "cards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploader_id_fkey" FOREIGN KEY ("uploader_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment_versions" ADD CONSTRAINT "attachment_versions_attachment_id_fkey" FOREIGN KEY ("attachment_id") REFERENCES "attachments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment_versions" ADD CONSTRAINT "attachment_versions_uploader_id_fkey" FOREIGN KEY ("uploader_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- prisma/sql/functions/queue_file_deletion.sql
CREATE OR REPLACE FUNCTION public.queue_file_deletion()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  -- However the row went (its attachment, card, board or team deleted), its stored bytes are queued for removal,
  -- in the same transaction: a rollback keeps both.
  INSERT INTO file_deletions (storage_key) VALUES (OLD.storage_key) ON CONFLICT DO NOTHING;
  RETURN OLD;
END;
$function$;

-- prisma/sql/triggers/attachment_versions_queue_file_deletion.sql
DROP TRIGGER IF EXISTS attachment_versions_queue_file_deletion ON attachment_versions;
CREATE TRIGGER attachment_versions_queue_file_deletion AFTER DELETE ON attachment_versions
  FOR EACH ROW
  EXECUTE FUNCTION queue_file_deletion();
