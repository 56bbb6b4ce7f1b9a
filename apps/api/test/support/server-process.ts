// The API as operators run it: `server.ts` in a process of its own, on a database prepared by the test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { createPrisma, type Db } from '../../src/db/prisma';
import { createTestDatabase, startEmbeddedFromTemplate } from './test-database';

const root = path.resolve(import.meta.dirname, '../../../..');

export interface ServerDatabase<T> {
  /** What the seed function returned. */
  seeded: T;
  /** Settings that point a server process at this database. */
  env: Record<string, string>;
  /** Reads the database once the server process has ended. */
  inspect<R>(read: (db: Db) => Promise<R>): Promise<R>;
  drop(): Promise<void>;
}

/** A fresh database (on DATABASE_URL's server, or an embedded one in a temporary folder), seeded by the test. */
export async function prepareServerDatabase<T>(seed: (db: Db) => Promise<T>): Promise<ServerDatabase<T>> {
  if (process.env.DATABASE_URL) {
    const database = await createTestDatabase();
    const seeded = await seed(database.prisma);
    return {
      seeded,
      env: { DATABASE_URL: database.url },
      inspect: (read) => read(database.prisma),
      drop: () => database.drop(),
    };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'amb-server-'));
  const open = async (fromTemplate = false) => {
    const pgdata = path.join(dataDir, 'pgdata');
    const embedded = fromTemplate ? await startEmbeddedFromTemplate(pgdata) : await startEmbeddedPostgres(pgdata);
    const db = createPrisma(embedded.url, 2);
    return { embedded, db, close: async () => (await db.$disconnect(), await embedded.stop()) };
  };
  const first = await open(true);
  const seeded = await seed(first.db);
  await first.close();
  return {
    seeded,
    env: { DATA_DIR: dataDir, SEED_DEMO_DATA: 'false' },
    async inspect(read) {
      const again = await open();
      try {
        return await read(again.db);
      } finally {
        await again.close();
      }
    },
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
}

export interface ServerProcess {
  process: ChildProcess;
  baseUrl: string;
  port: number;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts `server.ts` in its own process and waits until it listens. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    WEB_DIST_DIR: '/nonexistent',
    LOGIN_RATE_LIMIT: '10000',
    ...env,
  };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const look = () => {
      const found = /running at (http:\/\/\S+?)\s/.exec(output);
      if (found) resolve(found[1]!.replace('localhost', '127.0.0.1'));
    };
    child.stdout!.on('data', look);
    void exited.then((code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
  return { process: child, baseUrl, port: Number(new URL(baseUrl).port), output: () => output, exited };
}
