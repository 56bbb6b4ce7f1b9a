// A real, empty, migrated database for one test file: a fresh database on the PostgreSQL server named by
// DATABASE_URL, or an in-memory embedded database when none is set.
//
// Each is a copy of a migrated template rather than built by replaying every migration: on PostgreSQL
// `CREATE DATABASE … TEMPLATE`, on the embedded database a dump of a migrated data directory loaded at start
// (starting an empty embedded database is its slowest step, slower than all migrations together). A template is
// named after the contents of the migration files it was built from, so a changed migration set builds a new one;
// global-setup.ts builds the current one once per run, before the test files start.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { migrate, migrationsDir as currentMigrations, readMigrations } from '../../src/db/migrate';
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
    const { rows } = await client.query<{ db: string; zone: string }>(
      'SELECT quote_ident(current_database()) AS db, quote_literal($1::text) AS zone',
      [zone],
    );
    await client.query(`ALTER DATABASE ${rows[0]!.db} SET TimeZone = ${rows[0]!.zone}`);
  } finally {
    await client.end();
  }
}

/** `migrationsDir` builds the database from other migrations (an older set, to test a later one on it). */
export async function createTestDatabase(options: { migrationsDir?: string } = {}): Promise<TestDatabase> {
  const dir = options.migrationsDir ?? currentMigrations;
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? createOnServer(serverUrl, dir) : createEmbedded(dir);
}

/** Builds the template for these migrations unless it exists (safe to call from several processes at once). */
export async function ensureTemplate(dir = currentMigrations): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) await ensureServerTemplate(serverUrl, dir);
  else await ensureEmbeddedTemplate(dir);
}

// Templates of other migration sets (older code, another branch) are removed once they have not been rebuilt for a day.
const STALE_TEMPLATE_MS = 86_400_000;

/** What a template is named after: the migrations' names and contents. */
async function templateKey(dir: string) {
  const hash = createHash('sha256');
  // What every template holds besides the migrations; change it to rebuild templates made before.
  hash.update(`time zone ${TEST_DATABASE_TIME_ZONE}\n`);
  for (const m of await readMigrations(dir)) hash.update(`${m.name}\n${m.checksum}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** What every new database gets once migrated, template or not. */
async function fillNewDatabase(url: string, dir: string) {
  await migrate(url, dir);
  const prisma = createPrisma(url, 1);
  try {
    await ensureDefaultPrinciples(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

// ---- PostgreSQL -------------------------------------------------------------------------------------------------

const TEMPLATE_PREFIX = 'amb_template_';
// Held while a template is built, so processes that find it missing at the same time build it once.
const TEMPLATE_LOCK_KEY = 72707370;

async function withAdmin<T>(serverUrl: string, use: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.end();
  }
}

const databaseUrl = (serverUrl: string, name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * Runs on every database the tests create on PostgreSQL, the template and each copy, right after CREATE DATABASE:
 * the place for per-database settings (ALTER DATABASE … SET), which a copy does not take from its template.
 */
async function afterCreate(_admin: pg.Client, name: string, serverUrl: string) {
  await setTestDatabaseTimeZone(databaseUrl(serverUrl, name));
}

async function ensureServerTemplate(serverUrl: string, dir: string): Promise<string> {
  const name = `${TEMPLATE_PREFIX}${await templateKey(dir)}`;
  return withAdmin(serverUrl, async (admin) => {
    const exists = async () =>
      (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (await exists()) return name;
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      if (await exists()) return name;
      // Built under another name and renamed when complete, so a template that exists is always whole.
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      try {
        await afterCreate(admin, building, serverUrl);
        await fillNewDatabase(databaseUrl(serverUrl, building), dir);
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      } catch (error) {
        await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
        throw error;
      }
      // Nobody connects to a template (a connection would make every copy fail); the comment dates it.
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query(`COMMENT ON DATABASE ${name} IS '${new Date().toISOString()}'`);
      await dropStaleTemplates(admin, name);
      return name;
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
}

async function dropStaleTemplates(admin: pg.Client, current: string) {
  const { rows } = await admin.query<{ datname: string; built: string | null }>(
    `SELECT datname, shobj_description(oid, 'pg_database') AS built FROM pg_database
     WHERE datname LIKE '${TEMPLATE_PREFIX}%' AND datname NOT LIKE '%\\_building' AND datname <> $1`,
    [current],
  );
  for (const { datname, built } of rows) {
    if (built && Date.now() - Date.parse(built) < STALE_TEMPLATE_MS) continue;
    await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
}

async function createOnServer(serverUrl: string, dir: string): Promise<TestDatabase> {
  const template = await ensureServerTemplate(serverUrl, dir);
  const name = `amb_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, async (admin) => {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await afterCreate(admin, name, serverUrl);
  });
  const url = databaseUrl(serverUrl, name);
  const prisma = createPrisma(url, 20);
  return {
    url,
    prisma,
    cutConnections: () =>
      withAdmin(serverUrl, async (admin) => {
        const { rows } = await admin.query(
          'SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS cut FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        return rows[0].cut as number;
      }),
    async drop() {
      await prisma.$disconnect();
      await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

// ---- Embedded ---------------------------------------------------------------------------------------------------

const embeddedTemplates = path.resolve(import.meta.dirname, '../../../../node_modules/.cache/amb-test-templates');

/** The dumped data directory of a migrated embedded database, as a file path. */
export async function ensureEmbeddedTemplate(dir = currentMigrations): Promise<string> {
  const key = await templateKey(dir);
  const file = path.join(embeddedTemplates, `${key}.tar`);
  if (existsSync(file)) return file;
  const embedded = await startEmbeddedPostgres();
  try {
    await fillNewDatabase(embedded.url, dir);
    await setTestDatabaseTimeZone(embedded.url);
    const dump = Buffer.from(await (await embedded.dumpDataDir()).arrayBuffer());
    await mkdir(embeddedTemplates, { recursive: true });
    // Written aside and renamed, so a process that finds the file finds it whole.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, dump);
    await rename(partial, file);
  } finally {
    await embedded.stop();
  }
  // Templates of other migration sets (older code, another branch) go once they have not been rebuilt for a day.
  for (const other of await readdir(embeddedTemplates)) {
    const otherFile = path.join(embeddedTemplates, other);
    if (other !== path.basename(file) && Date.now() - (await stat(otherFile)).mtimeMs > STALE_TEMPLATE_MS) {
      await rm(otherFile, { force: true });
    }
  }
  return file;
}

/** Starts an embedded database as a copy of the migrated template (in `dataDir`, or in memory without one). */
export async function startEmbeddedFromTemplate(dataDir?: string, dir = currentMigrations) {
  const file = await ensureEmbeddedTemplate(dir);
  return startEmbeddedPostgres(dataDir, { from: new Blob([await readFile(file)]) });
}

async function createEmbedded(dir: string): Promise<TestDatabase> {
  const embedded = await startEmbeddedFromTemplate(undefined, dir);
  const prisma = createPrisma(embedded.url, 10);
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
