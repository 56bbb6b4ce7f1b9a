// How long the API's event loop is held while the heaviest work a person may ask for runs, and what that does to
// everyone else's requests. The API runs in this process (so `monitorEventLoopDelay` sees its event loop) on a fresh
// database; a client in the same process asks `GET /api/health` one request after another throughout. Three
// stretches, each measured alone: idle (the baseline), a 10,000-card Trello file checked and imported
// (bench/support-large-trello-file.ts), and forecasts for the farthest target allowed with the most runs. For each:
// the event loop's delay (p50, p99, max) and the health route's p50 and p99, printed beside the idle figures.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { FORECAST_TARGET_MAX_DAYS } from '../packages/domain/src/forecast';
import { addDays, localDay } from '../packages/domain/src/local-days';
import { buildApp } from '../apps/api/src/app';
import { loadConfig } from '../apps/api/src/config';
import { figure, freshDatabase, percentile, round, seedBoard, signInCookie } from './support';
import { largeTrelloBoard } from './support-large-trello-file';

const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 5000);
const FORECASTS = Number(process.env.BENCH_FORECASTS ?? 5);
const TRELLO_CARDS = Number(process.env.BENCH_TRELLO_CARDS ?? 10_000);

const database = await freshDatabase();
console.log(`Database: ${database.kind}`);
const config = loadConfig({
  DATABASE_URL: database.url,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  WEB_DIST_DIR: '/nonexistent',
  LOGIN_RATE_LIMIT: '100000',
  WRITE_RATE_LIMIT: '1000000',
});
const app = await buildApp({ config, db: database.db });
const url = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
const { team, board } = await seedBoard(database.db, [
  { name: 'To do', flowCategory: 'TODO' },
  { name: 'Doing', flowCategory: 'IN_PROGRESS' },
  { name: 'Done', flowCategory: 'DONE' },
]);
const cookie = await signInCookie(url);
const headers = { cookie, origin: url, 'content-type': 'application/json' };

// The forecast's samples: a slow team, one card finished every other week, so every run goes on to the target.
const done = board.columns.find((c) => c.flowCategory === 'DONE')!;
for (let i = 0; i < 4; i++) {
  const res = await fetch(`${url}/api/cards`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ columnId: done.id, title: `Finished ${i}` }),
  });
  if (!res.ok) throw new Error(`creating a card failed: ${res.status} ${await res.text()}`);
}
await database.db.$executeRaw`
  UPDATE card_flow SET done_at = now() - (interval '14 days' * (row_number)) FROM (
    SELECT card_id AS id, row_number() OVER (ORDER BY card_id) FROM card_flow WHERE team_id = ${team.id}
  ) n WHERE card_flow.card_id = n.id`;

// Made before any stretch is measured: building the file is the client's work, not the API's.
const importBody = JSON.stringify({
  format: 'trello',
  fileName: 'large.json',
  content: Buffer.from(JSON.stringify(largeTrelloBoard({ cards: TRELLO_CARDS }))).toString('base64'),
});
console.log(`Trello file: ${round(Buffer.byteLength(importBody) / 1024 / 1024, 2)} MB as sent`);

interface Stretch {
  loopP50: number;
  loopP99: number;
  loopMax: number;
  ownHold: number;
  healthP50: number;
  healthP99: number;
  requests: number;
  ms: number;
}

/** Runs `work` while health requests follow one another; the event loop's delays and the health times meanwhile. */
async function measure(name: string, work: () => Promise<void>): Promise<Stretch> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const times: number[] = [];
  let working = true;
  const pinger = (async () => {
    while (working) {
      const started = performance.now();
      const res = await fetch(`${url}/api/health`);
      await res.arrayBuffer();
      times.push(performance.now() - started);
    }
  })();
  loop.enable();
  const started = performance.now();
  // Where in the stretch the loop was held longest: a timer due every 5 ms notes when it came more than 50 ms late.
  const holds: { delay: number; cpu: number; at: number }[] = [];
  // With the CPU time this process used meanwhile: near the delay, it was this process's work; far below it, the
  // machine did not give the process a core.
  let last = started;
  let ownHold = 0;
  let lastCpu = process.cpuUsage();
  const watch = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    // The most of a delay this process's own work can explain: the CPU it used, at most the delay itself.
    ownHold = Math.max(ownHold, Math.min(now - last - 5, (cpu.user + cpu.system) / 1000));
    if (now - last - 5 > 50)
      holds.push({ delay: now - last - 5, cpu: (cpu.user + cpu.system) / 1000, at: (now - started) / 1000 });
    last = now;
    lastCpu = process.cpuUsage();
  }, 5);
  await work();
  const ms = performance.now() - started;
  clearInterval(watch);
  working = false;
  await pinger;
  loop.disable();
  times.sort((a, b) => a - b);
  const stretch = {
    loopP50: loop.percentile(50) / 1e6,
    loopP99: loop.percentile(99) / 1e6,
    loopMax: loop.max / 1e6,
    ownHold,
    healthP50: percentile(times, 50),
    healthP99: percentile(times, 99),
    requests: times.length,
    ms,
  };
  console.log(
    `${name.padEnd(34)} ${round(ms / 1000, 1)} s: event loop delay p50 ${round(stretch.loopP50)} ms, p99 ${round(stretch.loopP99)} ms, max ${round(stretch.loopMax)} ms (own work at most ${round(stretch.ownHold)} ms of it); health p50 ${round(stretch.healthP50)} ms, p99 ${round(stretch.healthP99)} ms (${stretch.requests} requests)`,
  );
  // The ones this process's own work explains best first.
  const worst = holds.sort((a, b) => Math.min(b.delay, b.cpu) - Math.min(a.delay, a.cpu)).slice(0, 10);
  if (holds.length)
    console.log(
      `  more than 50 ms late ${holds.length} times; most CPU: ${worst.map((h) => `${round(h.delay)} ms (${round(h.cpu)} ms CPU) at ${round(h.at, 2)} s`).join(', ')}`,
    );
  return stretch;
}

// Warm-up: the routes' first requests (and the import checker's worker) start things once per process.
await measure('warm-up', () => new Promise((r) => setTimeout(r, 1000)));

const idle = await measure('idle (baseline)', () => new Promise((r) => setTimeout(r, IDLE_MS)));

const importing = await measure(`${TRELLO_CARDS}-card Trello check + import`, async () => {
  const started = performance.now();
  const res = await fetch(`${url}/api/teams/${team.id}/imports`, { method: 'POST', headers, body: importBody });
  const answeredMs = performance.now() - started;
  console.log(`  the import request (file checked, plan stored) answered in ${round(answeredMs)} ms`);
  if (res.status !== 202 && res.status !== 201) throw new Error(`import refused: ${res.status} ${await res.text()}`);
  const job = (await res.json()) as { id: string };
  for (;;) {
    const status = (await (await fetch(`${url}/api/imports/${job.id}`, { headers: { cookie } })).json()) as {
      status: string;
      created: number;
      error: string | null;
    };
    if (status.status === 'DONE')
      return console.log(`  imported ${status.created} cards at ${round((performance.now() - started) / 1000, 2)} s`);
    if (status.status === 'FAILED') throw new Error(`import failed: ${status.error}`);
    await new Promise((r) => setTimeout(r, 250));
  }
});

const target = addDays(localDay(Date.now(), 'UTC'), FORECAST_TARGET_MAX_DAYS - 1);
const forecasting = await measure(`${FORECASTS} forecasts to ${target}`, async () => {
  for (let i = 0; i < FORECASTS; i++) {
    const res = await fetch(
      `${url}/api/dashboard/teams/${team.id}/forecast?cards=200&target=${target}&runs=20000&seed=${i}`,
      { headers: { cookie } },
    );
    if (!res.ok) throw new Error(`forecast failed: ${res.status} ${await res.text()}`);
  }
});

await app.close();
await database.close();

for (const [what, s] of [
  ['importing', importing],
  ['forecasting', forecasting],
] as const) {
  console.log(figure('event-loop', `event-loop delay max while ${what}`, s.loopMax, 'ms', idle.loopMax));
  console.log(figure('event-loop', `longest hold by own work while ${what}`, s.ownHold, 'ms', idle.ownHold));
  console.log(figure('event-loop', `event-loop delay p99 while ${what}`, s.loopP99, 'ms', idle.loopP99));
  console.log(figure('event-loop', `health p50 while ${what}`, s.healthP50, 'ms', idle.healthP50));
  console.log(figure('event-loop', `health p99 while ${what}`, s.healthP99, 'ms', idle.healthP99));
}
