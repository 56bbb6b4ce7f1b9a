import { createHmac } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { deliveryHeader, eventHeader, signatureHeader } from '@amb/shared/webhooks';
import type { Db } from '../../db/prisma';
import { BackgroundWork } from '../../lib/background-work';
import { refuseAddress } from './address-guard';
import { chatBody, type ChatEvent } from './chat-message';

// Sends the outbox. A sender claims due deliveries with FOR UPDATE SKIP LOCKED and a lease (`locked_until`) in one
// statement, so several API processes share the outbox and none sends a delivery another has claimed. It sends
// outside any transaction, then records the answer: 2xx delivered; 410 disables the webhook; anything else is
// tried again with backoff (30 s doubling, at most an hour apart) until a day has passed.
//
// One receiver, or one team's receivers, must not hold up anyone else's deliveries, so the claim takes at most
// `perEndpoint` deliveries of one webhook and `perTeam` of one team at a time, counting the leases held by every
// process, and one process sends at most `total` at once. Each send is its own task: as soon as one ends, its slot
// is claimed again, never waiting for the others claimed with it. A receiver gets `timeoutMs` to answer, and only
// the first KEPT_BYTES of its answer are read before the connection is dropped. After FAILURES_BEFORE_PAUSE failed
// deliveries in a row the webhook is paused (30 s, doubling with each further failure, at most an hour): its
// deliveries wait instead of each spending a timeout on a receiver that is down. One delivery that arrives ends it.

export const SENDER_DEFAULTS = { perEndpoint: 2, perTeam: 8, total: 32, timeoutMs: 5000 };
/** What is kept of a receiver's answer; the rest is never read. */
const KEPT_CHARS = 1000;
const KEPT_BYTES = 4096;
export const FAILURES_BEFORE_PAUSE = 5;
const GIVE_UP_AFTER_MS = 24 * 3600_000;

export function signature(secret: string, body: string) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function backoffMs(attempts: number) {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3600_000);
}

/** How long a webhook is paused after this many failures in a row (none below the threshold). */
export function pauseMs(failuresInRow: number) {
  return failuresInRow < FAILURES_BEFORE_PAUSE ? 0 : backoffMs(failuresInRow - FAILURES_BEFORE_PAUSE + 1);
}

export interface SenderOptions {
  allowPrivate: boolean;
  intervalMs: number;
  timeoutMs?: number;
  perEndpoint?: number;
  perTeam?: number;
  total?: number;
  /** Where people reach the app, for links in chat messages. */
  publicUrl?: string;
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

/** Reads at most KEPT_BYTES of an answer, then stops reading it (the caller drops the connection). */
async function readKept(body: ReadableStream<Uint8Array> | null) {
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  while (bytes < KEPT_BYTES) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    text += decoder.decode(value.subarray(0, KEPT_BYTES), { stream: true });
  }
  void reader.cancel().catch(() => undefined);
  return text;
}

export class WebhookSender {
  private readonly work: BackgroundWork;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly limits: Required<Omit<SenderOptions, 'allowPrivate' | 'intervalMs' | 'publicUrl'>>;
  private readonly leaseMs: number;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly options: SenderOptions,
  ) {
    this.limits = {
      perEndpoint: options.perEndpoint ?? SENDER_DEFAULTS.perEndpoint,
      perTeam: options.perTeam ?? SENDER_DEFAULTS.perTeam,
      total: options.total ?? SENDER_DEFAULTS.total,
      timeoutMs: options.timeoutMs ?? SENDER_DEFAULTS.timeoutMs,
    };
    // A lease outlives the longest send, so no other process takes over a delivery still being sent.
    this.leaseMs = Math.max(60_000, 2 * this.limits.timeoutMs);
    this.work = new BackgroundWork(options.intervalMs, () => this.fill());
  }

  start() {
    if (!this.closed) this.work.start();
  }

  kick() {
    if (!this.closed) this.work.kick();
  }

  /** Stops claiming and waits for the sends under way (each ends within the timeout). */
  async close() {
    this.closed = true;
    await this.work.close();
    await Promise.all(this.inFlight);
  }

  /** Claims what is due into the free slots; each send, when it ends, asks for its slot to be filled again. */
  private async fill() {
    while (!this.closed && this.inFlight.size < this.limits.total) {
      let claimed: Claimed[];
      try {
        claimed = await this.claim(this.limits.total - this.inFlight.size);
      } catch (error) {
        this.log.error({ err: error }, 'Claiming webhook deliveries failed');
        return;
      }
      if (claimed.length === 0) return;
      for (const d of claimed) this.track(d, true);
    }
  }

  private track(d: Claimed, refill: boolean) {
    const sent: Promise<void> = this.send(d)
      .catch((error: unknown) => this.log.error({ err: error, deliveryId: d.id }, 'Sending a webhook failed'))
      .finally(() => {
        this.inFlight.delete(sent);
        if (refill) this.kick();
      });
    this.inFlight.add(sent);
    return sent;
  }

  /**
   * Claims what is due (within the limits) and sends it, waiting for those sends; returns how many were claimed.
   * Nothing more is claimed when they end: a test sends step by step.
   */
  async sendDue(): Promise<number> {
    const claimed = await this.claim(Math.max(0, this.limits.total - this.inFlight.size));
    await Promise.all(claimed.map((d) => this.track(d, false)));
    return claimed.length;
  }

  private claim(room: number) {
    if (room <= 0) return Promise.resolve([]);
    const { perEndpoint, perTeam } = this.limits;
    return this.db.$queryRaw<Claimed[]>`
      WITH leased AS (
        SELECT d.webhook_id, count(*)::int AS n FROM webhook_deliveries d
        WHERE d.status = 'PENDING' AND d.locked_until > now() GROUP BY d.webhook_id
      ), team_leased AS (
        SELECT w.team_id, sum(l.n)::int AS n FROM leased l JOIN webhooks w ON w.id = l.webhook_id GROUP BY w.team_id
      ), due AS (
        SELECT x.id, y.team_id, x.next_attempt_at
        FROM webhooks y
        LEFT JOIN leased l ON l.webhook_id = y.id
        CROSS JOIN LATERAL (
          SELECT x.id, x.next_attempt_at FROM webhook_deliveries x
          WHERE x.webhook_id = y.id AND x.status = 'PENDING' AND x.next_attempt_at <= now()
            AND (x.locked_until IS NULL OR x.locked_until < now())
          ORDER BY x.next_attempt_at
          LIMIT greatest(0, ${perEndpoint}::int - coalesce(l.n, 0))
          FOR UPDATE OF x SKIP LOCKED
        ) x
        WHERE y.active AND (y.paused_until IS NULL OR y.paused_until <= now())
      ), ranked AS (
        SELECT due.id, due.next_attempt_at, coalesce(t.n, 0) AS team_n,
          row_number() OVER (PARTITION BY due.team_id ORDER BY due.next_attempt_at) AS k
        FROM due LEFT JOIN team_leased t ON t.team_id = due.team_id
      ), picked AS (
        -- Round robin over the teams: each team's oldest first, then each team's second, and so on.
        SELECT id FROM ranked WHERE k + team_n <= ${perTeam}::int ORDER BY k, next_attempt_at LIMIT ${room}::int
      )
      UPDATE webhook_deliveries d
      SET locked_until = now() + ${`${this.leaseMs} milliseconds`}::interval, attempts = d.attempts + 1
      FROM webhooks w
      WHERE w.id = d.webhook_id AND d.id IN (SELECT id FROM picked)
      RETURNING d.id, d.event, d.payload, d.attempts, d.created_at, w.url, w.secret, w.id AS webhook_id, w.format::text AS format`;
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
      const drop = new AbortController();
      try {
        const res = await fetch(d.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.any([drop.signal, AbortSignal.timeout(this.limits.timeoutMs)]),
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
        answer = (await readKept(res.body)).slice(0, KEPT_CHARS);
      } catch (error) {
        const reason =
          error instanceof DOMException && error.name === 'TimeoutError'
            ? `no answer within ${this.limits.timeoutMs / 1000} s`
            : (error as Error).message;
        answer = `No answer: ${reason}`.slice(0, KEPT_CHARS);
      } finally {
        // Whatever the receiver still sends is not read: the connection is dropped.
        drop.abort();
      }
    }
    const now = new Date();
    if (status !== null && status >= 200 && status < 300) {
      await this.db.$transaction([
        this.db.webhookDelivery.update({
          where: { id: d.id },
          data: { status: 'DELIVERED', deliveredAt: now, lastStatus: status, lastResponse: answer, lockedUntil: null },
        }),
        this.db.webhook.updateMany({
          where: { id: d.webhook_id, OR: [{ failuresInRow: { gt: 0 } }, { pausedUntil: { not: null } }] },
          data: { failuresInRow: 0, pausedUntil: null },
        }),
      ]);
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
    await this.db.$transaction([
      this.db.webhookDelivery.update({
        where: { id: d.id },
        data: {
          status: gaveUp ? 'GAVE_UP' : 'PENDING',
          nextAttemptAt: next,
          lastStatus: status,
          lastResponse: answer,
          lockedUntil: null,
        },
      }),
      this.db.$executeRaw`
        UPDATE webhooks SET failures_in_row = failures_in_row + 1,
          paused_until = CASE WHEN failures_in_row + 1 >= ${FAILURES_BEFORE_PAUSE}::int
            THEN now() + least(30000 * 2 ^ (failures_in_row + 1 - ${FAILURES_BEFORE_PAUSE}::int), 3600000) * interval '1 millisecond'
            ELSE paused_until END
        WHERE id = ${d.webhook_id}`,
    ]);
  }
}
