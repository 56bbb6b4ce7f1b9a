import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/prisma';
import { BackgroundWork } from '../../lib/background-work';
import type { Mailer } from '../../lib/mailer';
import { remindDueCards } from './due-reminders';
import { sendNotificationMail } from './mail-delivery';

/**
 * The scheduled side of notifications in each API process: due-date reminders, then the mail that is due (at once
 * after the batching minute, or a digest whose hour has come). Every process runs it; the reminders' keys and the
 * mail claims keep each from going out twice (decisions 55, 56).
 */
export class NotificationSchedule extends BackgroundWork {
  constructor(
    private readonly db: Db,
    private readonly mailer: Mailer | null,
    private readonly log: FastifyBaseLogger,
    private readonly options: { intervalMs: number; publicUrl: string; onTold: (userIds: string[]) => void },
  ) {
    super(options.intervalMs, () => this.runOnce());
  }

  private async runOnce() {
    try {
      this.options.onTold(await remindDueCards(this.db));
    } catch (error) {
      this.log.error({ err: error }, 'Writing due-date reminders failed; it is tried again shortly');
    }
    if (!this.mailer || this.closed) return;
    try {
      await sendNotificationMail(this.db, this.mailer, { publicUrl: this.options.publicUrl });
    } catch (error) {
      this.log.error({ err: error }, 'Sending notification mail failed; it is tried again shortly');
    }
  }
}
