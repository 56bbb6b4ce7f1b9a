import path from 'node:path';
import type { Config } from '../config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { migrate } from './migrate';
import { createPrisma, type Db } from './prisma';

export interface Database {
  prisma: Db;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded database in DATA_DIR, and brings the schema up to date. */
export async function openDatabase(config: Config, log: (msg: string) => void = () => {}): Promise<Database> {
  const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres(path.join(config.DATA_DIR, 'pgdata'));
  const url = config.DATABASE_URL ?? embedded!.url;
  if (embedded)
    log(`Embedded database in ${path.join(config.DATA_DIR, 'pgdata')} (set DATABASE_URL to use PostgreSQL)`);
  const { applied } = await migrate(url);
  if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
  // PGlite runs one query at a time; a small pool avoids queueing many idle connections on it.
  const prisma = createPrisma(url, embedded ? Math.min(config.DATABASE_POOL_SIZE, 10) : config.DATABASE_POOL_SIZE, {
    jit: config.DATABASE_JIT,
  });
  return {
    prisma,
    url,
    embedded: Boolean(embedded),
    async close() {
      await prisma.$disconnect();
      await embedded?.stop();
    },
  };
}
