-- CreateTable
CREATE TABLE "stage_recounts" (
    "team_id" TEXT NOT NULL,
    "requested_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "stage_recounts_pkey" PRIMARY KEY ("team_id")
);

-- AddForeignKey
ALTER TABLE "stage_recounts" ADD CONSTRAINT "stage_recounts_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
