-- CreateEnum
CREATE TYPE "WebhookFormat" AS ENUM ('JSON', 'SLACK', 'TEAMS');

-- AlterTable
ALTER TABLE "webhooks" ADD COLUMN     "format" "WebhookFormat" NOT NULL DEFAULT 'JSON';
