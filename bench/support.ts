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
import { defaultPrinciples } from '../packages/domain/src/principles';
import { spreadRanks } from '../packages/domain/src/ranks';

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

/** A team with one board, its columns, and an admin to sign in as (one admin, shared by every board seeded). */
export async function seedBoard(
  db: Db,
  columns: {
    name: string;
    flowCategory: 'BACKLOG' | 'TODO' | 'IN_PROGRESS' | 'DONE';
    wipLimit?: number;
    wipPolicy?: 'SOFT' | 'HARD';
  }[],
  boardName = 'Bench board',
) {
  const user =
    (await db.user.findUnique({ where: { email: BENCH_EMAIL } })) ??
    (await db.user.create({
      data: {
        email: BENCH_EMAIL,
        name: 'Bench Admin',
        orgRole: 'ADMIN',
        passwordHash: await hashPassword(BENCH_PASSWORD),
      },
    }));
  const slug = boardName.toLowerCase().replace(/\W+/g, '-');
  const team = await db.team.create({
    data: {
      name: `${boardName} team`,
      slug,
      memberships: { create: { userId: user.id, role: 'SCRUM_MASTER' } },
      boards: { create: { name: boardName, columns: { create: columns.map((c, position) => ({ ...c, position })) } } },
    },
    include: { boards: { include: { columns: { orderBy: { position: 'asc' } } } } },
  });
  return { user, team, board: team.boards[0]! };
}

/**
 * A board as a busy team has it: `cards` open cards spread over five columns (owners on half, a principle on a
 * third, labels, due dates, some blocked), plus the manifesto principles.
 */
export async function seedBusyBoard(db: Db, cards: number, boardName?: string) {
  const seeded = await seedBoard(
    db,
    [
      { name: 'Backlog', flowCategory: 'BACKLOG' },
      { name: 'To do', flowCategory: 'TODO' },
      { name: 'In progress', flowCategory: 'IN_PROGRESS' },
      { name: 'Review', flowCategory: 'IN_PROGRESS' },
      { name: 'Done', flowCategory: 'DONE' },
    ],
    boardName,
  );
  const { board, user } = seeded;
  if ((await db.principle.count()) === 0)
    await db.principle.createMany({ data: defaultPrinciples.map((p, position) => ({ ...p, position })) });
  const principles = await db.principle.findMany();
  const perColumn = Math.ceil(cards / board.columns.length);
  const labels = ['blog', 'seo', 'video', 'email', 'social', 'paid'];
  for (const column of board.columns) {
    const ranks = spreadRanks(perColumn);
    await db.card.createMany({
      data: ranks.map((rank, i) => ({
        boardId: board.id,
        columnId: column.id,
        rank,
        title: `${column.name} card ${i + 1}: campaign asset`,
        estimate: (i % 8) + 1,
        labels: [labels[i % labels.length]!],
        dueDate: i % 3 === 0 ? new Date(Date.now() + (i % 20) * 86_400_000) : null,
        blocked: i % 50 === 0,
        blockedReason: i % 50 === 0 ? 'Waiting on legal' : null,
      })),
    });
  }
  const ids = await db.card.findMany({ where: { boardId: board.id }, select: { id: true } });
  await db.cardOwner.createMany({
    data: ids.filter((_, i) => i % 2 === 0).map((c) => ({ cardId: c.id, userId: user.id })),
  });
  await db.cardPrinciple.createMany({
    data: ids
      .filter((_, i) => i % 3 === 0)
      .map((c, i) => ({ cardId: c.id, principleId: principles[i % principles.length]!.id })),
  });
  return seeded;
}

/** The API server in its own process, on the given database (with `serveWeb`, it serves the built web app too; `env` adds settings). */
export async function startServer(
  databaseUrl: string,
  port: number,
  options: { serveWeb?: boolean; env?: Record<string, string> } = {},
): Promise<{ url: string; process: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['apps/api/src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SEED_DEMO_DATA: 'false',
      WEB_DIST_DIR: options.serveWeb ? path.join(root, 'apps/web/dist') : '/nonexistent',
      LOGIN_RATE_LIMIT: '100000',
      WRITE_RATE_LIMIT: '1000000',
      ...options.env,
    },
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
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
  });
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
