// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) kept in a folder and served on a
// loopback port with the real wire protocol, so the app, the migrations and psql talk to it as to PostgreSQL.
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { EmbeddedProtocolQueue } from './embedded-protocol-queue';

export interface EmbeddedPostgres {
  url: string;
  /**
   * Closes every client connection from the server's side, as its idle timeout or a restart would; the database
   * itself stays up. Returns how many were closed.
   */
  dropConnections(): number;
  /** The whole data directory as one tar file, which `from` starts another database from. */
  dumpDataDir(): Promise<Blob>;
  stop(): Promise<void>;
}

/**
 * dataDir undefined keeps the database in memory (tests). `from` starts it as a copy of a dumped data directory
 * instead of an empty one (tests start from a migrated copy: much quicker than creating and migrating each).
 */
export async function startEmbeddedPostgres(
  dataDir?: string,
  { from }: { from?: Blob } = {},
): Promise<EmbeddedPostgres> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, from ? { loadDataDir: from } : {});
  // Every connection shares this one session, and Prisma sends times without their zone: the session stays in UTC,
  // as the app's connections to PostgreSQL do.
  await db.exec("SET TimeZone = 'UTC'");
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 500 });
  // Connections take their queue from the server as they arrive; replace it before the first one.
  (server as unknown as { queryQueue: EmbeddedProtocolQueue }).queryQueue = new EmbeddedProtocolQueue(db);
  await server.start();
  const url = `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return {
    url,
    dropConnections() {
      // The server's own path for a connection it ends (its idle timeout): rolls back the connection's
      // transaction, drops its queued messages and closes the socket.
      const handlers = (
        server as unknown as { handlers: Set<{ isAttached: boolean; handleError(error: Error): void }> }
      ).handlers;
      const attached = [...handlers].filter((h) => h.isAttached);
      for (const handler of attached) handler.handleError(new Error('Connection dropped by the server'));
      return attached.length;
    },
    dumpDataDir: () => db.dumpDataDir('none'),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
