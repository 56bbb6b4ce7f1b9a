-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "mail_locked_until" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "unsubscribe_key" TEXT;
