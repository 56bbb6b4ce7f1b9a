// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) kept in a folder and served on a
// loopback port with the real wire protocol, so the app, the migrations and psql talk to it as to PostgreSQL.
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { EmbeddedProtocolQueue } from './embedded-protocol-queue';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** dataDir undefined keeps the database in memory (tests). */
export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedPostgres> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 500 });
  // Connections take their queue from the server as they arrive; replace it before the first one.
  (server as unknown as { queryQueue: EmbeddedProtocolQueue }).queryQueue = new EmbeddedProtocolQueue(db);
  await server.start();
  const url = `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
