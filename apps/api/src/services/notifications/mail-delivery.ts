import { randomBytes } from 'node:crypto';
import { lastDigestAt } from '@amb/domain/notification-times';
import { defaultDelivery, notificationKinds, type NotificationKind } from '@amb/shared/notifications';
import type { Db } from '../../db/prisma';
import type { Mailer } from '../../lib/mailer';
import { describeNotification, notificationLink } from './describe';
import { composeNotificationMail, type MailItem } from './notification-mail';

// Notification mail (decision 55). Each run looks at what is waiting to be mailed and claims it with one
// conditional UPDATE per person (`mailed_at IS NULL` and no live claim): of several API processes that race for
// the same rows, exactly one sees them still unclaimed. The claim is a lease: the mail is sent outside any
// transaction, then the rows are marked mailed. A process that stops between the claim and the mark leaves the
// lease to lapse, and the next run anywhere sends them again (a mail may then go twice, never zero times: SMTP
// cannot be part of the database's transaction).

const LEASE_MS = 5 * 60_000;
/** Mentions that arrive within this long of the first go out in one mail. */
export const MAIL_BATCH_MS = 60_000;
/** Nothing older than this waits for a mail: after a long outage, the inbox has it, the mailbox is not flooded. */
const MAIL_WITHIN_MS = 2 * 86_400_000;
const PER_MAIL = 50;

const kindsDelivered = (delivery: 'EMAIL' | 'DIGEST') =>
  notificationKinds.filter((k: NotificationKind) => defaultDelivery(k) === delivery);

interface Waiting {
  id: bigint;
  user_id: string;
  kind: string;
  delivery: 'EMAIL' | 'DIGEST';
  created_at: Date;
  time_zone: string;
  digest_hour: number;
}

export interface MailOptions {
  /** Where links in the mail point: PUBLIC_URL, or the address the API listens on. */
  publicUrl: string;
  now?: Date;
}

/**
 * What waits to be mailed: unread, unmailed, unclaimed notifications of people who are active, not pausing, and
 * still able to see the team, whose chosen (or default) delivery is e-mail at once or the digest.
 */
async function waiting(db: Db, now: Date) {
  return db.$queryRaw<Waiting[]>`
    SELECT x.id, x.user_id, x.kind, x.created_at, u.digest_hour,
      COALESCE(p.delivery::text, CASE WHEN x.kind = ANY(${kindsDelivered('EMAIL')}) THEN 'EMAIL'
        WHEN x.kind = ANY(${kindsDelivered('DIGEST')}) THEN 'DIGEST' ELSE 'APP' END) AS delivery,
      COALESCE(u.time_zone, (SELECT t.time_zone FROM memberships m JOIN teams t ON t.id = m.team_id
        WHERE m.user_id = u.id ORDER BY m.created_at LIMIT 1), 'UTC') AS time_zone
    FROM notifications x
    JOIN users u ON u.id = x.user_id
    LEFT JOIN notification_preferences p ON p.user_id = x.user_id AND p.kind = x.kind
    WHERE x.mailed_at IS NULL AND x.read_at IS NULL
      AND x.created_at > ${new Date(now.getTime() - MAIL_WITHIN_MS)}
      AND (x.mail_locked_until IS NULL OR x.mail_locked_until < ${now})
      AND u.deactivated_at IS NULL
      AND (u.notifications_paused_until IS NULL OR u.notifications_paused_until <= ${now})
      AND (x.team_id IS NULL OR u.org_role IN ('PMO', 'ADMIN')
        OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = x.user_id AND m.team_id = x.team_id))
    ORDER BY x.id`;
}

/** The rows of each person's that are due now: at once after the batching minute, or the digest once its hour came. */
export function dueForMail(rows: Waiting[], now: Date) {
  const byUser = new Map<string, { immediate: Waiting[]; digest: Waiting[] }>();
  for (const r of rows) {
    if (r.delivery !== 'EMAIL' && r.delivery !== 'DIGEST') continue;
    const entry = byUser.get(r.user_id) ?? { immediate: [], digest: [] };
    (r.delivery === 'EMAIL' ? entry.immediate : entry.digest).push(r);
    byUser.set(r.user_id, entry);
  }
  const due: { userId: string; digest: boolean; ids: bigint[] }[] = [];
  for (const [userId, { immediate, digest }] of byUser) {
    if (immediate.length && now.getTime() - immediate[0]!.created_at.getTime() >= MAIL_BATCH_MS)
      due.push({ userId, digest: false, ids: immediate.slice(0, PER_MAIL).map((r) => r.id) });
    if (digest.length) {
      const since = lastDigestAt(now.getTime(), digest[0]!.time_zone, digest[0]!.digest_hour);
      const ready = digest.filter((r) => r.created_at.getTime() < since);
      if (ready.length) due.push({ userId, digest: true, ids: ready.slice(0, PER_MAIL).map((r) => r.id) });
    }
  }
  return due;
}

/**
 * Claims the rows for this process: only those still unmailed and unclaimed are taken, in one statement, so two
 * processes never both take a row. Returns the ids taken.
 */
export async function claimForMail(db: Db, ids: bigint[], now: Date): Promise<bigint[]> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    UPDATE notifications SET mail_locked_until = ${new Date(now.getTime() + LEASE_MS)}
    WHERE id = ANY(${ids}::bigint[]) AND mailed_at IS NULL
      AND (mail_locked_until IS NULL OR mail_locked_until < ${now})
    RETURNING id`;
  return rows.map((r) => r.id);
}

/** The person's one-click unsubscribe secret, made on first use (the first writer's wins). */
async function unsubscribeKey(db: Db, userId: string) {
  const [row] = await db.$queryRaw<{ key: string }[]>`
    UPDATE users SET unsubscribe_key = COALESCE(unsubscribe_key, ${randomBytes(24).toString('base64url')})
    WHERE id = ${userId} RETURNING unsubscribe_key AS key`;
  return row!.key;
}

async function itemsOf(db: Db, ids: bigint[], publicUrl: string): Promise<MailItem[]> {
  const rows = await db.notification.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
  const cardIds = [...new Set(rows.map((r) => r.cardId).filter((id): id is string => !!id))];
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
  const [cards, actors] = await Promise.all([
    db.card.findMany({ where: { id: { in: cardIds } }, select: { id: true, title: true } }),
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }),
  ]);
  const titles = new Map(cards.map((c) => [c.id, c.title]));
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return rows.map((r) => {
    const kind = r.kind as NotificationKind;
    const link = notificationLink(kind, r.teamId, r.cardId);
    return {
      cardTitle: r.cardId ? (titles.get(r.cardId) ?? null) : null,
      text: describeNotification(kind, r.actorId ? (names.get(r.actorId) ?? null) : null, r.data),
      link: link ? new URL(link, publicUrl).toString() : null,
    };
  });
}

/**
 * Sends every notification mail due now; returns how many mails went out. A mail that fails is tried again on a
 * later run once its lease lapses.
 */
export async function sendNotificationMail(db: Db, mailer: Mailer, options: MailOptions): Promise<number> {
  const now = options.now ?? new Date();
  let sent = 0;
  let failure: unknown = null;
  for (const batch of dueForMail(await waiting(db, now), now)) {
    const ids = await claimForMail(db, batch.ids, now);
    if (!ids.length) continue;
    try {
      await mailBatch(db, mailer, { ...batch, ids }, options.publicUrl);
      sent++;
    } catch (error) {
      // The others still go; this one waits for its lease to lapse.
      failure ??= error;
    }
  }
  if (failure) throw failure;
  return sent;
}

async function mailBatch(
  db: Db,
  mailer: Mailer,
  batch: { userId: string; digest: boolean; ids: bigint[] },
  publicUrl: string,
) {
  const person = await db.user.findUniqueOrThrow({ where: { id: batch.userId }, select: { email: true } });
  const key = await unsubscribeKey(db, batch.userId);
  const mail = composeNotificationMail({
    items: await itemsOf(db, batch.ids, publicUrl),
    digest: batch.digest,
    publicUrl,
    unsubscribeToken: `${batch.userId}.${key}`,
  });
  await mailer.send({ to: person.email, ...mail });
  await db.notification.updateMany({
    where: { id: { in: batch.ids } },
    data: { mailedAt: new Date(), mailLockedUntil: null },
  });
}
