// Opening and working a 5,000-card board in Chromium (headless, the browser the tests use): time from navigation
// to the first card painted, to the board being ready to drag, and from letting go of a dragged card to the
// card painted in its new place. The baseline is the same page on a board of 30 cards, in the same run.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import {
  figure,
  freePort,
  freshDatabase,
  percentile,
  root,
  round,
  seedBusyBoard,
  signInCookie,
  startServer,
} from './support';

const CARDS = Number(process.env.BENCH_CARDS ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DROPS = Number(process.env.BENCH_DROPS ?? 6);

// The production build of the web app, as users get it.
const build = spawnSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], {
  cwd: path.join(root, 'apps/web'),
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const database = await freshDatabase();
console.log(`Database: ${database.kind}`);
const big = await seedBusyBoard(database.db, CARDS, 'Big board');
const small = await seedBusyBoard(database.db, 30, 'Small board');
console.log(`Seeded a board with ${CARDS} open cards and one with 30`);

const probe = path.join(import.meta.dirname, 'board-render-probe.js');

const server = await startServer(database.url, freePort(), { serveWeb: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

/** What board-render-probe.js leaves on `window` (the bench's type program has no DOM types). */
type Probe = { firstCard?: number; ready?: number; pointerUp?: number; placed?: number };

type Sample = { firstCard: number; ready: number; drops: number[] };

async function measure(teamId: string): Promise<Sample> {
  const cookie = (await signInCookie(server.url)).split('=');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies([{ name: cookie[0]!, value: cookie.slice(1).join('='), url: server.url }]);
  await context.addInitScript({ path: probe });
  const page = await context.newPage();
  await page.goto(`${server.url}/teams/${teamId}/board`);
  await page.waitForFunction(() => typeof (globalThis as unknown as Probe).ready === 'number', undefined, {
    timeout: 120_000,
  });
  const { firstCard, ready } = (await page.evaluate('({ firstCard: window.firstCard, ready: window.ready })')) as {
    firstCard: number;
    ready: number;
  };
  const drops: number[] = [];
  for (let i = 0; i < DROPS; i++)
    drops.push(await dropTopCard(page, i % 2 === 0 ? ['Backlog', 'To do'] : ['To do', 'Backlog']));
  await context.close();
  console.log(
    `  ${teamId === big.team.id ? CARDS : 30} cards: first card ${round(firstCard)} ms, ready ${round(ready)} ms, drops ${drops.map(round).join(', ')} ms`,
  );
  return { firstCard, ready, drops };
}

/** Drags the top card of one column onto the other's header (top of that column) and times pointer up → painted there. */
async function dropTopCard(page: Page, [from, to]: [string, string]): Promise<number> {
  const card = page.locator(`section[aria-label="${from}"] .board-card[data-card-id]`).first();
  const cardId = (await card.getAttribute('data-card-id'))!;
  const a = (await card.boundingBox())!;
  const b = (await page.locator(`section[aria-label="${to}"] .column-header`).boundingBox())!;
  await page.evaluate(
    `Object.assign(window, { waitFor: ${JSON.stringify({ cardId, columnName: to })}, pointerUp: undefined, placed: undefined })`,
  );
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 5, { steps: 3 });
  // The board said it was ready: the card must be lifted now, not after a retry.
  await page.locator('.board-card.overlay').waitFor({ timeout: 10_000 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => ((globalThis as unknown as Probe).placed ?? 0) > 0);
  const { pointerUp, placed } = (await page.evaluate('({ pointerUp: window.pointerUp, placed: window.placed })')) as {
    pointerUp: number;
    placed: number;
  };
  // Let the server's answer land before the next drag, as a person's next drag would.
  await page.waitForFunction(
    (id) =>
      !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(
        `[data-card-id="${id}"].pending`,
      ),
    cardId,
  );
  return placed - pointerUp;
}

try {
  await measure(small.team.id); // warm-up: server code paths, browser caches
  const bigRuns: Sample[] = [];
  const smallRuns: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    bigRuns.push(await measure(big.team.id));
    smallRuns.push(await measure(small.team.id));
  }
  const sorted = (runs: Sample[], pick: (s: Sample) => number[]) => runs.flatMap(pick).sort((x, y) => x - y);
  const report = (metric: string, pick: (s: Sample) => number[]) => {
    const b = sorted(bigRuns, pick);
    const s = sorted(smallRuns, pick);
    console.log(
      `${metric}: ${CARDS} cards p50 ${round(percentile(b, 50))} ms, p95 ${round(percentile(b, 95))} ms; 30 cards p50 ${round(percentile(s, 50))} ms`,
    );
    return [
      figure('board-render', `${metric}_p50_ms`, percentile(b, 50), 'ms', percentile(s, 50)),
      figure('board-render', `${metric}_p95_ms`, percentile(b, 95), 'ms', percentile(s, 95)),
    ];
  };
  console.log(
    `${RUNS} openings of each board in Chromium at 1440x900, ${DROPS} drops each; baseline: the same page on a 30-card board`,
  );
  const lines = [
    ...report('first_card', (r) => [r.firstCard]),
    ...report('ready_to_drag', (r) => [r.ready]),
    ...report('drop_commit', (r) => r.drops),
  ];
  for (const line of lines) console.log(line);
} finally {
  await browser.close();
  await server.stop();
  await database.close();
}
