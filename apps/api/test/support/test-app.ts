import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OrgRole, TeamRole } from '@amb/domain/access';
import type { InjectOptions } from 'fastify';
import { buildApp, type App } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import type { Db } from '../../src/db/prisma';
import { hashPassword } from '../../src/lib/passwords';
import type { ImportJob } from '@amb/shared/imports';
import { SESSION_COOKIE } from '../../src/services/auth/sessions';
import { defaultColumns } from '../../src/services/boards/default-columns';
import { createTestDatabase, type TestDatabase } from './test-database';

export const TEST_PASSWORD = 'correct-horse-battery';
/** The origin of requests made with app.inject (its default Host is localhost:80). */
export const TEST_ORIGIN = 'http://localhost';
/** scrypt's cost in tests: cheap, so the suite stays quick. Production's default is checked in auth.test.ts. */
export const TEST_HASH_COST = 12;
let passwordHash: Promise<string> | undefined;

export interface TestContext {
  app: App;
  db: Db;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real app on a real, fresh database. Call in beforeAll; call close() in afterAll. */
export async function startTestApp(
  overrides: Partial<Record<keyof Config, string>> = {},
  onRoute?: Parameters<typeof buildApp>[0]['onRoute'],
): Promise<TestContext> {
  const database = await createTestDatabase();
  // Files (attachments) go to a folder of the test's own, never to the repository's .data.
  const dataDir = overrides.DATA_DIR ? null : await mkdtemp(path.join(tmpdir(), 'amb-test-data-'));
  // With a real PostgreSQL, live updates use LISTEN/NOTIFY on the test's own database, as in production.
  const config = loadConfig({
    DATABASE_URL: process.env.DATABASE_URL ? database.url : undefined,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LOGIN_RATE_LIMIT: '10000',
    WRITE_RATE_LIMIT: '100000',
    PASSWORD_HASH_COST: String(TEST_HASH_COST),
    NODE_ENV: 'test',
    WEB_DIST_DIR: '/nonexistent',
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
    ...overrides,
  });
  const app = await buildApp({ config, db: database.prisma, onRoute });
  await app.ready();
  // A browser names the page a write comes from; so do the tests, unless one sets its own Origin (undefined: none).
  const inject = app.inject.bind(app) as (options: InjectOptions) => ReturnType<App['inject']>;
  app.inject = ((options: InjectOptions) => {
    const headers = Object.fromEntries(
      Object.entries({ origin: TEST_ORIGIN, ...options.headers }).filter(([, v]) => v !== undefined),
    );
    return inject({ ...options, headers });
  }) as App['inject'];
  return {
    app,
    db: database.prisma,
    database,
    async close() {
      await app.close();
      await database.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createUser(db: Db, options: { name?: string; orgRole?: OrgRole; email?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD, TEST_HASH_COST);
  const id = unique();
  return db.user.create({
    data: {
      email: options.email ?? `person-${id}@example.test`,
      name: options.name ?? `Person ${id}`,
      passwordHash: await passwordHash,
      orgRole: options.orgRole ?? 'NONE',
    },
  });
}

/** A team with one board (the default columns) and the given members. */
export async function createTeam(
  db: Db,
  members: { userId: string; role: TeamRole }[] = [],
  name = `Team ${unique()}`,
) {
  const team = await db.team.create({
    data: {
      name,
      slug: `team-${unique()}`,
      memberships: { create: members.map((m) => ({ userId: m.userId, role: m.role })) },
      boards: { create: { name: `${name} board`, columns: { create: defaultColumns() } } },
    },
    include: { boards: { include: { columns: { orderBy: { position: 'asc' } } } } },
  });
  return { ...team, board: team.boards[0]! };
}

/** Signs in through the API and returns the Cookie header value for later requests. */
/** An import job once it has ended (done or failed), asked for as the person whose session `cookie` is. */
export async function importFinished(app: App, cookie: string, jobId: string): Promise<ImportJob> {
  for (;;) {
    const res = await app.inject({ method: 'GET', url: `/api/imports/${jobId}`, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`reading import ${jobId} answered ${res.statusCode}: ${res.body}`);
    const job = res.json() as ImportJob;
    if (job.status === 'DONE' || job.status === 'FAILED') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function signIn(app: App, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('sign-in set no session cookie');
  return `${SESSION_COOKIE}=${cookie.value}`;
}
