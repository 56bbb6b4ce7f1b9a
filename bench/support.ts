// What the benches share: a fresh database, a running API server in its own process, figures.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../apps/api/src/db/embedded-postgres';
import { migrate } from '../apps/api/src/db/migrate';
import { createPrisma, type Db } from '../apps/api/src/db/prisma';
import { hashPassword } from '../apps/api/src/lib/passwords';

export const root = path.resolve(import.meta.dirname, '..');

export interface BenchDatabase {
  url: string;
  kind: 'postgresql' | 'embedded';
  db: Db;
  close(): Promise<void>;
}

/** A fresh, migrated database: on DATABASE_URL's server (dropped afterwards) or embedded in this process. */
export async function freshDatabase(): Promise<BenchDatabase> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    // On disk in a temporary folder, as a self-hosted install keeps it.
    const dataDir = await mkdtemp(path.join(tmpdir(), 'amb-bench-'));
    const embedded = await startEmbeddedPostgres(dataDir);
    await migrate(embedded.url);
    const db = createPrisma(embedded.url, 10);
    return {
      url: embedded.url,
      kind: 'embedded',
      db,
      async close() {
        await db.$disconnect();
        await embedded.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `amb_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  const db = createPrisma(url.toString(), 10);
  return {
    url: url.toString(),
    kind: 'postgresql',
    db,
    async close() {
      await db.$disconnect();
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const BENCH_EMAIL = 'bench@example.test';
export const BENCH_PASSWORD = 'bench-password-1';

/** A team with one board, its columns, and an admin to sign in as. */
export async function seedBoard(db: Db, columns: { name: string; flowCategory: 'BACKLOG' | 'TODO' | 'IN_PROGRESS' | 'DONE'; wipLimit?: number; wipPolicy?: 'SOFT' | 'HARD' }[]) {
  const user = await db.user.create({ data: { email: BENCH_EMAIL, name: 'Bench Admin', orgRole: 'ADMIN', passwordHash: await hashPassword(BENCH_PASSWORD) } });
  const team = await db.team.create({
    data: {
      name: 'Bench team',
      slug: 'bench-team',
      memberships: { create: { userId: user.id, role: 'SCRUM_MASTER' } },
      boards: { create: { name: 'Bench board', columns: { create: columns.map((c, position) => ({ ...c, position })) } } },
    },
    include: { boards: { include: { columns: { orderBy: { position: 'asc' } } } } },
  });
  return { user, team, board: team.boards[0]! };
}

/** The API server in its own process, on the given database. */
export async function startServer(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<{ url: string; process: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['apps/api/src/server.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: 'production', LOG_LEVEL: 'warn', SEED_DEMO_DATA: 'false', WEB_DIST_DIR: '/nonexistent', LOGIN_RATE_LIMIT: '100000', WRITE_RATE_LIMIT: '1000000', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() - started > 60_000) throw new Error('the API server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function signInCookie(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function figure(bench: string, metric: string, value: number, unit: string, baseline: number) {
  return JSON.stringify({ bench, metric, value: round(value), unit, baseline: round(baseline) });
}

export const freePort = () => 20_000 + Math.floor(Math.random() * 20_000);

/** CPU time (ms) used so far by a process and its descendants, from /proc; NaN where there is no /proc. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    const children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
    return own + children.reduce((sum, child) => sum + cpuMs(child), 0);
  } catch {
    return NaN;
  }
}
