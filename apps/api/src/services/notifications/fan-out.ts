import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/prisma';
import { Prisma } from '../../db/prisma';
import { BackgroundWork } from '../../lib/background-work';
import { intentsFor, type FanOutEntry } from './recipients';

// The fan-out runs after the commit, from the activity log: a write never waits for it. Each board's
// entries are read in commit order (`activity_commits.seq`) after the board's cursor, the same way live updates
// read them (decision 7), and the notifications they cause are written in one transaction with the cursor's
// advance. So every entry is fanned out once: a process that dies mid-batch leaves the cursor where it was and the
// batch is done again by whichever process comes next; a unique key per person and entry keeps that from doubling.

const BATCH = 500;
const KEEP_DAYS = 90;

interface Row {
  seq: bigint;
  id: bigint;
  kind: string;
  actor_id: string | null;
  team_id: string | null;
  card_id: string | null;
  sprint_id: string | null;
  field: string | null;
  from: unknown;
  to: unknown;
}

/** The board keys ("" for entries on no board) with entries the fan-out has not read. */
export async function boardsToFanOut(db: Db): Promise<string[]> {
  const boards = await db.$queryRaw<{ key: string }[]>`
    SELECT b.id AS key FROM boards b LEFT JOIN notification_cursors n ON n.board_key = b.id
    WHERE EXISTS (SELECT 1 FROM activity_commits c WHERE c.board_id = b.id AND c.seq > COALESCE(n.seq, 0))`;
  const [none] = await db.$queryRaw<{ waiting: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM activity_commits c WHERE c.board_id IS NULL
      AND c.seq > COALESCE((SELECT seq FROM notification_cursors WHERE board_key = ''), 0)) AS waiting`;
  return [...boards.map((b) => b.key), ...(none?.waiting ? [''] : [])];
}

/**
 * Fans out the next batch of one board's entries; returns the people told, or null when there was nothing to do or
 * another process is on this board.
 */
export async function fanOutBoard(db: Db, boardKey: string): Promise<{ told: string[] } | null> {
  // The read takes the board's key exclusively, as a live-update reader does: it waits for transactions already
  // numbering entries on this board, so no smaller number can still be on its way.
  const { cursor, rows } = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(20261126, hashtext(${boardKey}))::text`;
    const [row] = await tx.$queryRaw<
      { seq: bigint }[]
    >`SELECT seq FROM notification_cursors WHERE board_key = ${boardKey}`;
    const cursor = row?.seq ?? 0n;
    const onBoard = boardKey ? Prisma.sql`c.board_id = ${boardKey}` : Prisma.sql`c.board_id IS NULL`;
    const rows = await tx.$queryRaw<Row[]>`
      SELECT c.seq, a.id, a.kind, a.actor_id, a.team_id, a.card_id, a.sprint_id, a.field, a."from", a."to"
      FROM activity_commits c JOIN activity a ON a.id = c.activity_id
      WHERE ${onBoard} AND c.seq > ${cursor} ORDER BY c.seq LIMIT ${BATCH}`;
    return { cursor, rows };
  });
  if (!rows.length) return null;
  const entries: FanOutEntry[] = rows.map((r) => ({
    seq: r.seq,
    id: r.id,
    kind: r.kind,
    actorId: r.actor_id,
    teamId: r.team_id,
    cardId: r.card_id,
    sprintId: r.sprint_id,
    field: r.field,
    from: r.from,
    to: r.to,
  }));
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`INSERT INTO notification_cursors (board_key, seq) VALUES (${boardKey}, 0) ON CONFLICT DO NOTHING`;
      const [held] = await tx.$queryRaw<
        { seq: bigint }[]
      >`SELECT seq FROM notification_cursors WHERE board_key = ${boardKey} FOR UPDATE SKIP LOCKED`;
      // Another process holds this board, or has already moved past what was read: leave it to that one.
      if (!held || held.seq !== cursor) return null;
      const { intents, watches } = await intentsFor(tx, entries);
      if (watches.length) await tx.cardWatch.createMany({ data: watches, skipDuplicates: true });
      if (intents.length) {
        await tx.notification.createMany({
          data: intents.map((i) => ({ ...i, data: i.data ?? Prisma.DbNull })),
          skipDuplicates: true,
        });
      }
      await tx.notificationCursor.update({ where: { boardKey }, data: { seq: entries.at(-1)!.seq } });
      const told = [...new Set(intents.map((i) => i.userId))];
      await announce(tx, told);
      return { told };
    },
    { timeout: 60_000 },
  );
}

/**
 * Tells every API process whose inbox changed (their bells update live); notices go out at commit. One statement
 * for everyone: reminders falling due together can tell thousands of people at once.
 */
export async function announce(tx: Prisma.TransactionClient, userIds: string[]) {
  if (!userIds.length) return;
  await tx.$queryRaw`SELECT pg_notify('notification', u)::text FROM unnest(${userIds}::text[]) AS u`;
}

/** Fans out everything waiting on every board; returns how many notifications were written. */
export async function fanOutAll(db: Db, stop: () => boolean = () => false): Promise<number> {
  let written = 0;
  for (;;) {
    const keys = await boardsToFanOut(db);
    let advanced = false;
    for (const key of keys) {
      if (stop()) return written;
      const batch = await fanOutBoard(db, key);
      if (batch) {
        advanced = true;
        written += batch.told.length;
      }
    }
    // Nothing waiting, or every waiting board is another process's just now.
    if (!advanced) return written;
  }
}

/** Inbox items older than this many days are deleted. */
export async function forgetOldNotifications(db: Db, now = new Date()) {
  return db.notification.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_DAYS * 86_400_000) } } });
}

/**
 * The fan-out in the background of an API process: it looks every `intervalMs` and whenever a write is heard of,
 * and once an hour forgets what is past keeping. Several processes share the boards.
 */
export class NotificationFanOut extends BackgroundWork {
  private lastForget = 0;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    intervalMs: number,
  ) {
    super(intervalMs, () => this.runOnce());
  }

  private async runOnce() {
    try {
      await fanOutAll(this.db, () => this.closed);
      if (Date.now() - this.lastForget > 3600_000) {
        this.lastForget = Date.now();
        await forgetOldNotifications(this.db);
      }
    } catch (error) {
      this.log.error({ err: error }, 'Notifying people failed; it is tried again shortly');
    }
  }
}

/**
 * Loaded history (the demo) tells no one: every board's cursor moves to its newest entry, and each card's owners
 * and creator watch it, as they would had they made it through the app.
 */
export async function notifyFromNow(db: Db) {
  await db.$executeRaw`
    INSERT INTO notification_cursors (board_key, seq)
    SELECT COALESCE(board_id, ''), MAX(seq) FROM activity_commits GROUP BY COALESCE(board_id, '')
    ON CONFLICT (board_key) DO UPDATE SET seq = EXCLUDED.seq`;
  await db.$executeRaw`
    INSERT INTO card_watchers (card_id, user_id)
    SELECT card_id, user_id FROM card_owners UNION SELECT id, created_by_id FROM cards WHERE created_by_id IS NOT NULL
    ON CONFLICT DO NOTHING`;
}
