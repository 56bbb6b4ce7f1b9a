// Moving cards through the API at 50 and 200 concurrent clients, driven from a separate process, beside a raw
// single-row PostgreSQL UPDATE on the same database from the same number of clients.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { spreadRanks } from '../packages/domain/src/ranks';
import {
  cpuMs,
  figure,
  freePort,
  freshDatabase,
  percentile,
  root,
  round,
  seedBoard,
  signInCookie,
  startServer,
} from './support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const list = (value: string) => value.split(',').filter(Boolean).map(Number);
// Clients moving as fast as answers come (the server saturated) ...
const LEVELS = list(process.env.BENCH_LEVELS ?? '50,200');
// ... and clients that each move once every BENCH_PAUSE_MS on average: people at a board, only far busier.
const PACED_LEVELS = list(process.env.BENCH_PACED_LEVELS ?? '200');
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 1000);
const CARDS_PER_CLIENT = 5;
// Moves into one column are taken one at a time (its lock guards ranks and the WIP count), so the number of
// columns bounds how many moves can be in flight; a real board has about five.
const COLUMNS = Number(process.env.BENCH_COLUMNS ?? 5);

const database = await freshDatabase();
console.log(`Database: ${database.kind}`);
const flows = ['BACKLOG', 'TODO', 'IN_PROGRESS', 'IN_PROGRESS', 'DONE'] as const;
const { board } = await seedBoard(
  database.db,
  Array.from({ length: COLUMNS }, (_, i) => ({
    name: `Column ${i + 1}`,
    flowCategory: flows[Math.min(flows.length - 1, Math.floor((i * flows.length) / COLUMNS))]!,
  })),
);
const total = Math.max(...LEVELS, ...PACED_LEVELS) * CARDS_PER_CLIENT;
const perColumn = Math.ceil(total / board.columns.length);
for (const column of board.columns) {
  await database.db.card.createMany({
    data: spreadRanks(perColumn).map((rank, i) => ({
      boardId: board.id,
      columnId: column.id,
      rank,
      title: `Card ${column.name} ${i}`,
    })),
  });
}
const server = await startServer(database.url, freePort());

interface Result {
  latencies: number[];
  statuses: Record<string, number>;
  elapsed: number;
  /** Each client's cards as the driver last saw them (column and version), to carry on from. */
  cards: { id: string; columnId: string; version: number }[][];
}

function drive(job: object): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(root, 'node_modules/.bin/tsx'),
      [path.join(root, 'bench/move-card-driver.ts'), JSON.stringify(job)],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!))
        : reject(new Error(`driver exited with ${code}`)),
    );
  });
}

const lines: string[] = [];
try {
  const cookie = await signInCookie(server.url);
  const runs = [
    ...LEVELS.map((clients) => ({ clients, pauseMs: 0 })),
    ...PACED_LEVELS.map((clients) => ({ clients, pauseMs: PAUSE_MS })),
  ];
  for (const { clients, pauseMs } of runs) {
    const cards = await database.db.card.findMany({
      where: { boardId: board.id },
      select: { id: true, columnId: true, version: true },
      orderBy: { id: 'asc' },
      take: clients * CARDS_PER_CLIENT,
    });
    const split = Array.from({ length: clients }, (_, i) =>
      cards.slice(i * CARDS_PER_CLIENT, (i + 1) * CARDS_PER_CLIENT),
    );
    const columns = board.columns.map((c) => c.id);
    // Warm-up, not counted: the server's first moves compile code paths and open connections.
    const warm = await drive({
      mode: 'api',
      url: server.url,
      cookie,
      clients,
      seconds: WARMUP_SECONDS,
      pauseMs: 0,
      columns,
      cards: split,
    });
    for (const [i, cardsOfClient] of split.entries()) cardsOfClient.splice(0, cardsOfClient.length, ...warm.cards[i]!);
    const cpuBefore = cpuMs(server.process.pid!);
    const api = await drive({
      mode: 'api',
      url: server.url,
      cookie,
      clients,
      seconds: SECONDS,
      pauseMs,
      columns,
      cards: split,
    });
    const serverCpu = (cpuMs(server.process.pid!) - cpuBefore) / api.latencies.length;
    const sql = await drive({
      mode: 'sql',
      url: database.url,
      cookie,
      clients,
      seconds: SECONDS,
      pauseMs,
      columns,
      cards: split,
    });
    const a = api.latencies.sort((x, y) => x - y);
    const s = sql.latencies.sort((x, y) => x - y);
    const pace = pauseMs ? `each moving about once every ${pauseMs} ms` : 'as fast as answers come';
    console.log(
      `${clients} clients ${pace}, ${SECONDS} s, ${COLUMNS} columns: API answers ${JSON.stringify(api.statuses)} (API server CPU ${round(serverCpu, 2)} ms a move); raw UPDATEs ${s.length}`,
    );
    const at = `@${clients}${pauseMs ? `_pause${pauseMs}ms` : ''}`;
    lines.push(
      figure(
        'move-card',
        `moves_per_s${at}`,
        (api.statuses['200'] ?? 0) / api.elapsed,
        'moves/s',
        s.length / sql.elapsed,
      ),
      figure('move-card', `p50_ms${at}`, percentile(a, 50), 'ms', percentile(s, 50)),
      figure('move-card', `p99_ms${at}`, percentile(a, 99), 'ms', percentile(s, 99)),
    );
  }
} finally {
  await server.stop();
  await database.close();
}
console.log(
  'Baseline: a raw single-row UPDATE of the cards table from the same number of clients (pg pool of at most 40 connections).',
);
for (const line of lines) console.log(line);
