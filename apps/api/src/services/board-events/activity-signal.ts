import pg from 'pg';
import type { Db } from '../../db/prisma';

export interface SignalHandlers {
  /** A board (or, with null, any board) may have new activity. */
  activity: (boardId: string | null) => void;
  /** A person's access (or, with null, anyone's) may have narrowed: their open streams re-check it. */
  access: (userId: string | null) => void;
}

/** Tells the hub about new activity and changed access, from whichever process caused it. Returns a stop function. */
export type ActivitySignal = (handlers: SignalHandlers) => Promise<() => Promise<void>>;

/**
 * PostgreSQL LISTEN/NOTIFY: every API process hears every board's writes and every access change, whichever
 * process made them. A lost connection is re-made, and on reconnect every board and every stream is checked, so
 * nothing that happened meanwhile is missed.
 */
export function listenSignal(databaseUrl: string, log: (msg: string) => void): ActivitySignal {
  return async (handlers) => {
    let client: pg.Client | null = null;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const connect = async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      c.on('notification', (msg) => {
        if (msg.channel === 'access_change') handlers.access(msg.payload ?? null);
        else handlers.activity(msg.payload?.split(':')[0] ?? null);
      });
      c.on('error', (error) => {
        log(`live updates: listening connection lost (${error.message}); reconnecting`);
        c.end().catch(() => {});
        if (!stopped) retry = setTimeout(() => void connect().catch(() => {}), 1000);
      });
      await c.connect();
      await c.query('LISTEN board_activity');
      await c.query('LISTEN access_change');
      client = c;
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
 * looks at the newest activity id and the newest access change a few times a second instead (two indexed reads).
 */
export function pollSignal(db: Db, intervalMs = 250): ActivitySignal {
  return async (handlers) => {
    let last = (await db.activity.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    let lastAccess = (await db.accessChange.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    let busy = false;
    const poll = async () => {
      const { _max } = await db.activity.aggregate({ _max: { id: true } });
      if (_max.id !== null && _max.id > last) {
        last = _max.id;
        handlers.activity(null);
      }
      const changes = await db.accessChange.findMany({ where: { id: { gt: lastAccess } }, orderBy: { id: 'asc' }, select: { id: true, userId: true } });
      if (changes.length) {
        lastAccess = changes.at(-1)!.id;
        for (const userId of new Set(changes.map((c) => c.userId))) handlers.access(userId);
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
