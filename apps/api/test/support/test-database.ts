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

/**
 * The time zone every test database is set to: as far from UTC as any (UTC+14), so that a time written or read in
 * the session's zone instead of as an instant shows up as a day off, in every test that looks at times.
 */
export const TEST_DATABASE_TIME_ZONE = 'Pacific/Kiritimati';

/**
 * Sets a test database's own time zone, the one every session that does not choose its own starts in
 * (`ALTER DATABASE`, which `CREATE DATABASE ... TEMPLATE` does not copy: set it on each new database). The app's
 * connections choose UTC; psql, report tools and the tests' plain sessions start in this zone. The embedded database
 * serves every connection from one session, which the app keeps in UTC, so there the setting is only recorded.
 */
export async function setTestDatabaseTimeZone(url: string, zone = TEST_DATABASE_TIME_ZONE): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ db: string; zone: string }>('SELECT quote_ident(current_database()) AS db, quote_literal($1::text) AS zone', [zone]);
    await client.query(`ALTER DATABASE ${rows[0]!.db} SET TimeZone = ${rows[0]!.zone}`);
  } finally {
    await client.end();
  }
}

/** `migrationsDir` builds the database from other migrations (an older set, to test a later one on it). */
export async function createTestDatabase(options: { migrationsDir?: string } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres();
    await setTestDatabaseTimeZone(embedded.url);
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
  await setTestDatabaseTimeZone(url.toString());
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
