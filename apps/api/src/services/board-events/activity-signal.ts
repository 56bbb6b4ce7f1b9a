import pg from 'pg';
import type { Db } from '../../db/prisma';

/** Tells the hub that a board (or, with null, any board) may have new activity. Returns a stop function. */
export type ActivitySignal = (onActivity: (boardId: string | null) => void) => Promise<() => Promise<void>>;

/**
 * PostgreSQL LISTEN/NOTIFY: every API process hears every board's writes, whichever process made them.
 * A lost connection is re-made (again and again while the database is down, a little slower each time), and on
 * reconnect every board is checked, so nothing written meanwhile is missed.
 */
export function listenSignal(databaseUrl: string, log: (msg: string) => void): ActivitySignal {
  return async (onActivity) => {
    let client: pg.Client | null = null;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    let failures = 0;
    const reconnectLater = () => {
      if (stopped || retry) return;
      const delay = Math.min(100 * 2 ** failures++, 2000);
      retry = setTimeout(() => {
        retry = undefined;
        void connect();
      }, delay);
    };
    const connect = async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      let lost = false;
      const onLost = (reason: string) => {
        if (lost) return;
        lost = true;
        if (client === c) client = null;
        c.end().catch(() => {});
        if (!stopped) log(`live updates: listening connection lost (${reason}); reconnecting`);
        reconnectLater();
      };
      c.on('notification', (msg) => onActivity(msg.payload?.split(':')[0] ?? null));
      c.on('error', (error) => onLost(error.message));
      c.on('end', () => onLost('closed'));
      try {
        await c.connect();
        await c.query('LISTEN board_activity');
      } catch (error) {
        onLost((error as Error).message);
        return;
      }
      if (stopped || lost) {
        await c.end().catch(() => {});
        return;
      }
      client = c;
      failures = 0;
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
