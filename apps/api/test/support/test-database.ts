// A real, empty, migrated database for one test file: a fresh database on the PostgreSQL server named by
// DATABASE_URL, or an in-memory embedded database when none is set.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { migrate } from '../../src/db/migrate';
import { createPrisma, type Db } from '../../src/db/prisma';
import { ensureDefaultPrinciples } from '../../src/db/seed-principles';

export interface TestDatabase {
  url: string;
  prisma: Db;
  /** Cuts every connection to this database from the server's side (pg_terminate_backend on PostgreSQL). */
  cutConnections(): Promise<number>;
  drop(): Promise<void>;
}

/** `migrationsDir` builds the database from other migrations (an older set, to test a later one on it). */
export async function createTestDatabase(options: { migrationsDir?: string } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres();
    await migrate(embedded.url, options.migrationsDir);
    const prisma = createPrisma(embedded.url, 10);
    await ensureDefaultPrinciples(prisma);
    return {
      url: embedded.url,
      prisma,
      cutConnections: async () => embedded.dropConnections(),
      async drop() {
        await prisma.$disconnect();
        await embedded.stop();
      },
    };
  }
  const name = `amb_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString(), options.migrationsDir);
  const prisma = createPrisma(url.toString(), 20);
  await ensureDefaultPrinciples(prisma);
  return {
    url: url.toString(),
    prisma,
    async cutConnections() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      const { rows } = await c.query('SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS cut FROM pg_stat_activity WHERE datname = $1', [name]);
      await c.end();
      return rows[0].cut as number;
    },
    async drop() {
      await prisma.$disconnect();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
