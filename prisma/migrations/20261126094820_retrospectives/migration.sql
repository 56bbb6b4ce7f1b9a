-- CreateEnum
CREATE TYPE "RetrospectiveState" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "RetrospectiveGroup" AS ENUM ('WENT_WELL', 'TO_IMPROVE', 'ACTION');

-- AlterTable
ALTER TABLE "columns" ADD COLUMN     "aging_days" INTEGER NOT NULL DEFAULT 3;

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
CREATE UNIQUE INDEX "retrospectives_sprint_id_key" ON "retrospectives"("sprint_id");

-- CreateIndex
CREATE UNIQUE INDEX "retrospective_notes_card_id_key" ON "retrospective_notes"("card_id");

-- CreateIndex
CREATE INDEX "retrospective_notes_retrospective_id_created_at_idx" ON "retrospective_notes"("retrospective_id", "created_at");

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

-- The rules the API checks, held by the database too.
ALTER TABLE "columns" ADD CONSTRAINT "columns_aging_days_check" CHECK ("aging_days" BETWEEN 1 AND 365);
ALTER TABLE "retrospectives" ADD CONSTRAINT "retrospectives_votes_per_person_check" CHECK ("votes_per_person" BETWEEN 1 AND 20);
ALTER TABLE "retrospective_votes" ADD CONSTRAINT "retrospective_votes_dots_check" CHECK ("dots" > 0);
ALTER TABLE "retrospective_notes" ADD CONSTRAINT "retrospective_notes_text_check" CHECK (length("text") BETWEEN 1 AND 500);
