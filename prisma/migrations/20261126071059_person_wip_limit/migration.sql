-- AlterTable
ALTER TABLE "users" ADD COLUMN     "wip_limit" INTEGER,
ADD COLUMN     "wip_policy" "WipPolicy" NOT NULL DEFAULT 'SOFT';
