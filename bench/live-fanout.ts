// 1,000 browsers watching one board while cards move on it: how long from a move's answer until each open event
// stream has the change, beside the latency of a trivial route (/api/health) polled during the same run.
import http from 'node:http';
import { spreadRanks } from '../packages/domain/src/ranks';
import { figure, freePort, freshDatabase, percentile, round, seedBoard, signInCookie, startServer } from './support';

const STREAMS = Number(process.env.BENCH_STREAMS ?? 1000);
const MOVES = Number(process.env.BENCH_MOVES ?? 100);
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 200);
const CARDS = 40;

const database = await freshDatabase();
console.log(`Database: ${database.kind}`);
const { board } = await seedBoard(database.db, [
  { name: 'To do', flowCategory: 'TODO' },
  { name: 'In progress', flowCategory: 'IN_PROGRESS' },
  { name: 'Review', flowCategory: 'IN_PROGRESS' },
  { name: 'Done', flowCategory: 'DONE' },
]);
const ranks = spreadRanks(CARDS);
await database.db.card.createMany({
  data: ranks.map((rank, i) => ({
    boardId: board.id,
    columnId: board.columns[0]!.id,
    rank,
    title: `Campaign asset ${i + 1}`,
  })),
});
const cards = await database.db.card.findMany({
  where: { boardId: board.id },
  select: { id: true, version: true, columnId: true },
});

// One person watching from a thousand tabs: the per-person stream cap is a setting, raised for the bench.
// The embedded database lives in this process and its notifications do not cross the socket: the server polls it.
const server = await startServer(database.url, freePort(), {
  env: {
    STREAM_LIMIT_PER_PERSON: String(STREAMS),
    STREAM_LIMIT_PER_PROCESS: String(STREAMS + 10),
    ...(database.kind === 'embedded' ? { LIVE_UPDATES: 'poll' } : {}),
  },
});
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
try {
  const cookie = await signInCookie(server.url);
  const { port } = new URL(server.url);

  // What each stream has received: `${cardId}:${version}` → when it arrived.
  const arrivals: Map<string, number>[] = [];
  const streams: http.ClientRequest[] = [];
  const openStream = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const seen = new Map<string, number>();
      arrivals[i] = seen;
      const req = http.get(
        {
          host: '127.0.0.1',
          port,
          path: `/api/boards/${board.id}/events`,
          headers: { cookie, accept: 'text/event-stream' },
          agent,
        },
        (res) => {
          if (res.statusCode !== 200) return reject(new Error(`stream ${i}: ${res.statusCode}`));
          res.setEncoding('utf8');
          let buffer = '';
          res.on('data', (chunk: string) => {
            const now = performance.now();
            buffer += chunk;
            let end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = block.indexOf('\ndata: ');
              if (data < 0 || !block.startsWith('id: ')) continue;
              const event = JSON.parse(block.slice(data + 7)) as { card: { id: string; version: number } | null };
              if (event.card) seen.set(`${event.card.id}:${event.card.version}`, now);
            }
          });
          resolve();
        },
      );
      req.on('error', reject);
      streams.push(req);
    });
  const opening = performance.now();
  for (let i = 0; i < STREAMS; i += 50)
    await Promise.all(Array.from({ length: Math.min(50, STREAMS - i) }, (_, j) => openStream(i + j)));
  console.log(`${STREAMS} streams open on one board in ${round((performance.now() - opening) / 1000, 1)} s`);
  await new Promise((r) => setTimeout(r, 1000));

  // The baseline: /api/health, polled all through the moves.
  const health: number[] = [];
  let moving = true;
  const poller = (async () => {
    while (moving) {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/health`);
      await res.arrayBuffer();
      health.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  const answered: { key: string; at: number }[] = [];
  let refused = 0;
  for (let m = 0; m < MOVES; m++) {
    const card = cards[m % cards.length]!;
    const column = board.columns[(board.columns.findIndex((c) => c.id === card.columnId) + 1) % board.columns.length]!;
    const res = await fetch(`${server.url}/api/cards/${card.id}/move`, {
      method: 'POST',
      headers: { cookie, origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ columnId: column.id, afterCardId: null, version: card.version }),
    });
    const at = performance.now();
    const body = (await res.json()) as { card?: { version: number; columnId: string } };
    if (!res.ok || !body.card) {
      refused++;
      continue;
    }
    Object.assign(card, { version: body.card.version, columnId: body.card.columnId });
    answered.push({ key: `${card.id}:${body.card.version}`, at });
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
  // Let the last events arrive (or be missed), then stop.
  await new Promise((r) => setTimeout(r, 3000));
  moving = false;
  await poller;

  const latencies: number[] = [];
  let missed = 0;
  let early = 0;
  for (const { key, at } of answered) {
    for (const seen of arrivals) {
      const arrived = seen.get(key);
      if (arrived === undefined) missed++;
      else {
        if (arrived < at) early++;
        latencies.push(Math.max(0, arrived - at));
      }
    }
  }
  latencies.sort((a, b) => a - b);
  health.sort((a, b) => a - b);
  console.log(
    `${answered.length} moves (${refused} refused), one every ${PAUSE_MS} ms after its answer; ${latencies.length} deliveries, ${missed} missed, ` +
      `${early} arrived before the move's answer (counted as 0 ms); /api/health polled ${health.length} times meanwhile`,
  );
  console.log(figure('live-fanout', 'p50_ms', percentile(latencies, 50), 'ms', percentile(health, 50)));
  console.log(figure('live-fanout', 'p99_ms', percentile(latencies, 99), 'ms', percentile(health, 99)));
  console.log(figure('live-fanout', 'max_ms', latencies.at(-1) ?? NaN, 'ms', health.at(-1) ?? NaN));
} finally {
  agent.destroy();
  await server.stop();
  await database.close();
}
