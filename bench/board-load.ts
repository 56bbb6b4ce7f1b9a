// Fetching a board with 5,000 open cards, against the same HTTP stack answering a trivial route (the health check).
import { spreadRanks } from '../packages/domain/src/ranks';
import { defaultPrinciples } from '../packages/domain/src/principles';
import { figure, freePort, freshDatabase, percentile, round, seedBoard, signInCookie, startServer } from './support';

const CARDS = 5000;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);

const database = await freshDatabase();
console.log(`Database: ${database.kind}`);
const { board, user } = await seedBoard(database.db, [
  { name: 'Backlog', flowCategory: 'BACKLOG' },
  { name: 'To do', flowCategory: 'TODO' },
  { name: 'In progress', flowCategory: 'IN_PROGRESS' },
  { name: 'Review', flowCategory: 'IN_PROGRESS' },
  { name: 'Done', flowCategory: 'DONE' },
]);
await database.db.principle.createMany({ data: defaultPrinciples.map((p, position) => ({ ...p, position })) });
const principles = await database.db.principle.findMany();
const perColumn = CARDS / board.columns.length;
const labels = ['blog', 'seo', 'video', 'email', 'social', 'paid'];
for (const column of board.columns) {
  const ranks = spreadRanks(perColumn);
  await database.db.card.createMany({
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
const cards = await database.db.card.findMany({ where: { boardId: board.id }, select: { id: true } });
await database.db.cardOwner.createMany({ data: cards.filter((_, i) => i % 2 === 0).map((c) => ({ cardId: c.id, userId: user.id })) });
await database.db.cardPrinciple.createMany({ data: cards.filter((_, i) => i % 3 === 0).map((c, i) => ({ cardId: c.id, principleId: principles[i % principles.length]!.id })) });
console.log(`Seeded a board with ${cards.length} open cards`);

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
  console.log(`${RUNS} fetches of a ${CARDS}-card board (${round(bytes / 1024 / 1024, 2)} MB each), each beside a fetch of /api/health`);
  console.log(figure('board-load', 'p50_ms', percentile(boardTimes, 50), 'ms', percentile(baseTimes, 50)));
  console.log(figure('board-load', 'p95_ms', percentile(boardTimes, 95), 'ms', percentile(baseTimes, 95)));
} finally {
  await server.stop();
  await database.close();
}
