// Fetching a board with 5,000 open cards, against the same HTTP stack answering a trivial route (the health check).
import {
  figure,
  freePort,
  freshDatabase,
  percentile,
  round,
  seedBusyBoard,
  signInCookie,
  startServer,
} from './support';

const CARDS = 5000;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);

const database = await freshDatabase();
console.log(`Database: ${database.kind}`);
const { board } = await seedBusyBoard(database.db, CARDS);
console.log(`Seeded a board with ${CARDS} open cards`);

const server = await startServer(database.url, freePort());
try {
  const cookie = await signInCookie(server.url);
  const time = async (path: string) => {
    const started = performance.now();
    const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
    const body = await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return { ms: performance.now() - started, bytes: body.byteLength };
  };
  for (let i = 0; i < 5; i++) await time(`/api/boards/${board.id}`); // warm-up
  const boardTimes: number[] = [];
  const baseTimes: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const b = await time(`/api/boards/${board.id}`);
    boardTimes.push(b.ms);
    bytes = b.bytes;
    baseTimes.push((await time('/api/health')).ms);
  }
  boardTimes.sort((a, b) => a - b);
  baseTimes.sort((a, b) => a - b);
  console.log(
    `${RUNS} fetches of a ${CARDS}-card board (${round(bytes / 1024 / 1024, 2)} MB each), each beside a fetch of /api/health`,
  );
  console.log(figure('board-load', 'p50_ms', percentile(boardTimes, 50), 'ms', percentile(baseTimes, 50)));
  console.log(figure('board-load', 'p95_ms', percentile(boardTimes, 95), 'ms', percentile(baseTimes, 95)));
} finally {
  await server.stop();
  await database.close();
}
