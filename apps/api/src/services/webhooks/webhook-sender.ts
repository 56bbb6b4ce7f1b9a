import { createHmac } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { deliveryHeader, eventHeader, signatureHeader } from '@amb/shared/webhooks';
import type { Db } from '../../db/prisma';
import { refuseAddress } from './address-guard';
import { chatBody, type ChatEvent } from './chat-message';

// Sends the outbox. A sender claims due deliveries with FOR UPDATE SKIP LOCKED and a lease (`locked_until`) in one
// statement, so several API processes share the outbox and none sends a delivery another has claimed. It sends
// outside any transaction, then records the answer: 2xx delivered; 410 disables the webhook; anything else is
// tried again with backoff (30 s doubling, at most an hour apart) until a day has passed.

const CLAIM = 10;
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;
const GIVE_UP_AFTER_MS = 24 * 3600_000;

export function signature(secret: string, body: string) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function backoffMs(attempts: number) {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3600_000);
}

interface Claimed {
  id: string;
  event: string;
  payload: unknown;
  attempts: number;
  created_at: Date;
  url: string;
  secret: string;
  webhook_id: string;
  format: 'JSON' | 'SLACK' | 'TEAMS';
}

export class WebhookSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly options: { allowPrivate: boolean; intervalMs: number; publicUrl?: string },
  ) {}

  start() {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => this.kick(), this.options.intervalMs);
    this.timer.unref();
  }

  kick() {
    if (this.running || this.closed) return;
    this.running = this.sendDue()
      .then(() => undefined)
      .catch((error: unknown) => this.log.error({ err: error }, 'Sending webhooks failed'))
      .finally(() => {
        this.running = null;
      });
  }

  async close() {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Claims and sends what is due; returns how many were sent (whatever the answer). */
  async sendDue(): Promise<number> {
    const claimed = await this.db.$queryRaw<Claimed[]>`
      UPDATE webhook_deliveries d SET locked_until = now() + ${`${LEASE_MS} milliseconds`}::interval, attempts = d.attempts + 1
      FROM webhooks w
      WHERE w.id = d.webhook_id AND d.id IN (
        SELECT x.id FROM webhook_deliveries x JOIN webhooks y ON y.id = x.webhook_id
        WHERE x.status = 'PENDING' AND y.active AND x.next_attempt_at <= now()
          AND (x.locked_until IS NULL OR x.locked_until < now())
        ORDER BY x.next_attempt_at LIMIT ${CLAIM} FOR UPDATE OF x SKIP LOCKED)
      RETURNING d.id, d.event, d.payload, d.attempts, d.created_at, w.url, w.secret, w.id AS webhook_id, w.format::text AS format`;
    await Promise.all(claimed.map((d) => this.send(d)));
    return claimed.length;
  }

  private async send(d: Claimed) {
    // A chat channel gets a message for people (decision 57); everything else the signed JSON.
    const body =
      d.format === 'JSON'
        ? JSON.stringify({ id: d.id, ...(d.payload as object) })
        : JSON.stringify(
            await chatBody(this.db, d.format, d.payload as ChatEvent, this.options.publicUrl ?? 'http://localhost/'),
          );
    let status: number | null = null;
    let answer: string;
    const refusal = await refuseAddress(d.url, this.options.allowPrivate);
    if (refusal) {
      answer = `Not sent: the URL ${refusal}`;
    } else {
      try {
        const res = await fetch(d.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(TIMEOUT_MS),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'agile-marketing-board-webhooks',
            [signatureHeader]: signature(d.secret, body),
            [deliveryHeader]: d.id,
            [eventHeader]: d.event,
          },
          body,
        });
        status = res.status;
        answer = (await res.text()).slice(0, 1000);
      } catch (error) {
        answer = `No answer: ${(error as Error).message}`.slice(0, 1000);
      }
    }
    const now = new Date();
    if (status !== null && status >= 200 && status < 300) {
      await this.db.webhookDelivery.update({
        where: { id: d.id },
        data: { status: 'DELIVERED', deliveredAt: now, lastStatus: status, lastResponse: answer, lockedUntil: null },
      });
      return;
    }
    if (status === 410) {
      await this.db.$transaction([
        this.db.webhook.update({
          where: { id: d.webhook_id },
          data: {
            active: false,
            disabledReason: `The receiver answered 410 Gone on ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          },
        }),
        this.db.webhookDelivery.update({
          where: { id: d.id },
          data: { status: 'GAVE_UP', lastStatus: status, lastResponse: answer, lockedUntil: null },
        }),
      ]);
      return;
    }
    const next = new Date(now.getTime() + backoffMs(d.attempts));
    const gaveUp = next.getTime() - d.created_at.getTime() > GIVE_UP_AFTER_MS;
    await this.db.webhookDelivery.update({
      where: { id: d.id },
      data: {
        status: gaveUp ? 'GAVE_UP' : 'PENDING',
        nextAttemptAt: next,
        lastStatus: status,
        lastResponse: answer,
        lockedUntil: null,
      },
    });
  }
}
