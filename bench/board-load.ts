// Fetching a board with 5,000 open cards, against the same HTTP stack answering a trivial route (the health check);
// and a second board of 5,000 cards of which 500 show a cover image, fetched in turn with the first, against it.
import http from 'node:http';
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
const COVERS = Number(process.env.BENCH_COVERS ?? 500);

/** One GET read as the bytes that crossed the wire (fetch would unpack them). */
function fetchRaw(url: string, headers: Record<string, string>) {
  return new Promise<{ bytes: number; encoding: string | undefined; etag: string | undefined }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () =>
          resolve({ bytes, encoding: res.headers['content-encoding'], etag: res.headers.etag as string | undefined }),
        );
      })
      .on('error', reject);
  });
}

const database = await freshDatabase();
console.log(`Database: ${database.kind}`);
const { board } = await seedBusyBoard(database.db, CARDS);
const { board: covered } = await seedBusyBoard(database.db, CARDS, 'Covered board');
// Every tenth card gets a cover: an image attachment with two versions (the summary picks the newest image).
const coverCards = (
  await database.db.card.findMany({ where: { boardId: covered.id }, select: { id: true }, orderBy: { rank: 'asc' } })
).filter((_, i) => i % Math.max(1, Math.floor(CARDS / COVERS)) === 0);
for (const card of coverCards.slice(0, COVERS)) {
  const attachment = await database.db.attachment.create({
    data: {
      cardId: card.id,
      name: 'banner.png',
      versions: {
        create: [1, 2].map((number) => ({
          number,
          storageKey: `bench/${card.id}-${number}`,
          size: 2048,
          contentType: 'image/png',
          fileName: 'banner.png',
        })),
      },
    },
  });
  await database.db.card.update({ where: { id: card.id }, data: { coverAttachmentId: attachment.id } });
}
console.log(
  `Seeded two boards with ${CARDS} open cards each; ${Math.min(COVERS, coverCards.length)} of the second's show a cover`,
);

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
  for (let i = 0; i < 5; i++) {
    // warm-up
    await time(`/api/boards/${board.id}`);
    await time(`/api/boards/${covered.id}`);
  }
  const boardTimes: number[] = [];
  const coveredTimes: number[] = [];
  const baseTimes: number[] = [];
  let bytes = 0;
  let coveredBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const b = await time(`/api/boards/${board.id}`);
    boardTimes.push(b.ms);
    bytes = b.bytes;
    baseTimes.push((await time('/api/health')).ms);
    const c = await time(`/api/boards/${covered.id}`);
    coveredTimes.push(c.ms);
    coveredBytes = c.bytes;
  }
  for (const times of [boardTimes, coveredTimes, baseTimes]) times.sort((a, b) => a - b);
  console.log(
    `${RUNS} fetches of a ${CARDS}-card board (${round(bytes / 1024 / 1024, 2)} MB each), each beside a fetch of /api/health`,
  );
  console.log(figure('board-load', 'p50_ms', percentile(boardTimes, 50), 'ms', percentile(baseTimes, 50)));
  console.log(figure('board-load', 'p95_ms', percentile(boardTimes, 95), 'ms', percentile(baseTimes, 95)));
  const [plain95, covered95] = [percentile(boardTimes, 95), percentile(coveredTimes, 95)];
  console.log(
    `The same board with ${COVERS} covers (${round(coveredBytes / 1024 / 1024, 2)} MB): p50 ${round(percentile(coveredTimes, 50))} ms, ` +
      `p95 ${round(covered95)} ms against ${round(plain95)} ms without: ${round((covered95 / plain95 - 1) * 100)}% (target within 10%)`,
  );
  console.log(figure('board-load', 'p95_ms_with_covers', covered95, 'ms', plain95));

  // On the wire: the board as a browser gets it (brotli), and a reload of the unchanged board (304, nothing sent).
  const raw = await fetchRaw(`${server.url}/api/boards/${board.id}`, { cookie, 'accept-encoding': 'br, gzip' });
  console.log(
    `On the wire with ${raw.encoding ?? 'no compression'}: ${round(raw.bytes / 1024)} KB for ${round(bytes / 1024)} KB of JSON`,
  );
  console.log(figure('board-load', 'wire_kb', raw.bytes / 1024, 'KB', bytes / 1024));
  const revalidations: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const res = await fetch(`${server.url}/api/boards/${board.id}`, {
      headers: { cookie, 'if-none-match': raw.etag ?? '' },
    });
    await res.arrayBuffer();
    if (res.status !== 304) throw new Error(`revalidation: ${res.status}`);
    revalidations.push(performance.now() - started);
  }
  revalidations.sort((a, b) => a - b);
  console.log(
    `A reload of the unchanged board (304 Not Modified): p50 ${round(percentile(revalidations, 50))} ms, p95 ${round(percentile(revalidations, 95))} ms`,
  );
  console.log(figure('board-load', 'p95_ms_not_modified', percentile(revalidations, 95), 'ms', plain95));
} finally {
  await server.stop();
  await database.close();
}
