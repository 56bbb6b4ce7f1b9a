// How long `npm start` takes to a usable sign-in page: first as on a fresh clone after `npm install` (every build
// step runs, an empty embedded database is created and given demo data), then again (nothing to build, the data
// kept). Baseline: a bare Node.js HTTP server started the same way, to its first answer.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { figure, freePort, round } from './support';

const root = path.resolve(import.meta.dirname, '..');
/** Where `npm start` keeps what each build was made from: without it, everything is built as on a fresh clone. */
const buildRecords = path.join(root, 'node_modules/.cache/agile-marketing-board');

/** Starts a command and waits until `url` answers 200 with HTML; returns the seconds it took. */
async function secondsUntilServed(command: string, args: string[], env: Record<string, string>, url: string) {
  const started = performance.now();
  const child: ChildProcess = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
      try {
        const res = await fetch(url);
        if (res.ok && (await res.text()).includes('<')) return (performance.now() - started) / 1000;
      } catch {
        /* not up yet */
      }
      if (performance.now() - started > 600_000) throw new Error('not served within 10 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    // The whole group: npm start runs the server as a child of its own.
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* gone */
    }
    await new Promise((r) => child.once('exit', r).once('error', r));
  }
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'amb-bench-start-'));
try {
  const port = freePort();
  const env: Record<string, string> = { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete process.env.DATABASE_URL;
  const url = `http://127.0.0.1:${port}/sign-in`;

  const bare = await secondsUntilServed(
    process.execPath,
    ['-e', `require('http').createServer((q, r) => r.end('<p>hi</p>')).listen(${port})`],
    {},
    url,
  );
  await rm(buildRecords, { recursive: true, force: true });
  const first = await secondsUntilServed(process.execPath, ['scripts/start.mjs'], env, url);
  const later = await secondsUntilServed(process.execPath, ['scripts/start.mjs'], env, url);
  console.log(`A bare Node.js server: ${round(bare, 2)} s to its first answer`);
  console.log(
    `npm start as on a fresh clone (builds, new embedded database, demo data): ${round(first, 1)} s (target 20 s)`,
  );
  console.log(`npm start again (nothing to build, data kept): ${round(later, 1)} s (target 8 s)`);
  console.log(figure('start-time', 'first_start_s', first, 's', bare));
  console.log(figure('start-time', 'later_start_s', later, 's', bare));
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
