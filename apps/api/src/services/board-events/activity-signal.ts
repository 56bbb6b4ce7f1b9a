import pg from 'pg';
import type { Db } from '../../db/prisma';

/** Tells the hub that a board (or, with null, any board) may have new activity. Returns a stop function. */
export type ActivitySignal = (onActivity: (boardId: string | null) => void) => Promise<() => Promise<void>>;

/**
 * PostgreSQL LISTEN/NOTIFY: every API process hears every board's writes, whichever process made them.
 * A lost connection is re-made, and on reconnect every board is checked, so nothing written meanwhile is missed.
 */
export function listenSignal(databaseUrl: string, log: (msg: string) => void): ActivitySignal {
  return async (onActivity) => {
    let client: pg.Client | null = null;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const connect = async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      c.on('notification', (msg) => onActivity(msg.payload?.split(':')[0] ?? null));
      c.on('error', (error) => {
        log(`live updates: listening connection lost (${error.message}); reconnecting`);
        c.end().catch(() => {});
        if (!stopped) retry = setTimeout(() => void connect().catch(() => {}), 1000);
      });
      await c.connect();
      await c.query('LISTEN board_activity');
      client = c;
      onActivity(null);
    };
    await connect();
    return async () => {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    };
  };
}

/**
 * The embedded database serves one process, and notifications do not cross its socket reliably, so the hub
 * looks at the newest commit-order number a few times a second instead (one indexed query).
 */
export function pollSignal(db: Db, intervalMs = 250): ActivitySignal {
  return async (onActivity) => {
    let last = (await db.activityCommit.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      db.activityCommit
        .aggregate({ _max: { seq: true } })
        .then(({ _max }) => {
          if (_max.seq !== null && _max.seq > last) {
            last = _max.seq;
            onActivity(null);
          }
        })
        .catch(() => {})
        .finally(() => (busy = false));
    }, intervalMs);
    return async () => clearInterval(timer);
  };
}
