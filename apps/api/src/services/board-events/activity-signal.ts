import pg from 'pg';
import type { Db } from '../../db/prisma';

export interface SignalHandlers {
  /** A board (or, with null, any board) may have new activity. */
  activity: (boardId: string | null) => void;
  /** A person's access (or, with null, anyone's) may have narrowed: their open streams re-check it. */
  access: (userId: string | null) => void;
  /** A person's inbox changed (a notification arrived, or was read). */
  notification: (userId: string) => void;
}

/** Tells the hub about new activity and changed access, from whichever process caused it. Returns a stop function. */
export type ActivitySignal = (handlers: SignalHandlers) => Promise<() => Promise<void>>;

/**
 * PostgreSQL LISTEN/NOTIFY: every API process hears every board's writes and every access change, whichever
 * process made them. A lost connection is re-made (again and again while the database is down, a little slower
 * each time), and on reconnect every board and every stream is checked, so nothing that happened meanwhile is missed.
 */
export function listenSignal(databaseUrl: string, log: (msg: string) => void): ActivitySignal {
  return async (handlers) => {
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
      c.on('notification', (msg) => {
        if (msg.channel === 'access_change') handlers.access(msg.payload ?? null);
        else if (msg.channel === 'notification') handlers.notification(msg.payload ?? '');
        else handlers.activity(msg.payload?.split(':')[0] ?? null);
      });
      c.on('error', (error) => onLost(error.message));
      c.on('end', () => onLost('closed'));
      try {
        await c.connect();
        await c.query('LISTEN board_activity');
        await c.query('LISTEN access_change');
        await c.query('LISTEN notification');
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
      handlers.activity(null);
      handlers.access(null);
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
 * looks at the newest commit-order number and the newest access change a few times a second instead (two indexed
 * reads).
 */
export function pollSignal(db: Db, intervalMs = 250): ActivitySignal {
  return async (handlers) => {
    let last = (await db.activityCommit.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
    let lastAccess = (await db.accessChange.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    let lastNotification = (await db.notification.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    let busy = false;
    const poll = async () => {
      const { _max } = await db.activityCommit.aggregate({ _max: { seq: true } });
      if (_max.seq !== null && _max.seq > last) {
        last = _max.seq;
        handlers.activity(null);
      }
      const changes = await db.accessChange.findMany({
        where: { id: { gt: lastAccess } },
        orderBy: { id: 'asc' },
        select: { id: true, userId: true },
      });
      if (changes.length) {
        lastAccess = changes.at(-1)!.id;
        for (const userId of new Set(changes.map((c) => c.userId))) handlers.access(userId);
      }
      const arrived = await db.notification.findMany({
        where: { id: { gt: lastNotification } },
        orderBy: { id: 'asc' },
        select: { id: true, userId: true },
      });
      if (arrived.length) {
        lastNotification = arrived.at(-1)!.id;
        for (const userId of new Set(arrived.map((n) => n.userId))) handlers.notification(userId);
      }
    };
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      poll()
        .catch(() => {})
        .finally(() => (busy = false));
    }, intervalMs);
    return async () => clearInterval(timer);
  };
}
