// The load driver for the move-card bench, in its own process: N clients moving cards, as fast as answers come
// or with a pause between a client's moves.
// Input (argv): a JSON job. Output (stdout): one JSON line with latencies, when each move was sent (ms since the
// epoch, so other processes can tell which moves fell in a stretch of theirs) and counts.
import pg from 'pg';

interface Job {
  mode: 'api' | 'sql';
  url: string;
  cookie: string;
  clients: number;
  seconds: number;
  pauseMs: number;
  columns: string[];
  /** Cards per client: each client moves only its own, so answers are about speed, not conflicts. */
  cards: { id: string; columnId: string; version: number }[][];
}

const job = JSON.parse(process.argv[2]!) as Job;
const latencies: number[] = [];
const sentAt: number[] = [];
const statuses: Record<string, number> = {};
const deadline = Date.now() + job.seconds * 1000;
let seed = 12345;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const pause = () =>
  job.pauseMs ? new Promise((resolve) => setTimeout(resolve, job.pauseMs * (0.5 + random()))) : Promise.resolve();

const count = (key: string) => (statuses[key] = (statuses[key] ?? 0) + 1);

async function apiClient(cards: Job['cards'][number]) {
  await pause(); // with think time, clients start spread out rather than all at once
  while (Date.now() < deadline) {
    const card = cards[Math.floor(random() * cards.length)]!;
    const columnId = job.columns[Math.floor(random() * job.columns.length)]!;
    const neighbours = cards.filter((c) => c.columnId === columnId && c.id !== card.id);
    const after = neighbours.length && random() < 0.7 ? neighbours[Math.floor(random() * neighbours.length)]!.id : null;
    const started = performance.now();
    const sent = Date.now();
    try {
      const res = await fetch(`${job.url}/api/cards/${card.id}/move`, {
        method: 'POST',
        headers: { cookie: job.cookie, 'content-type': 'application/json', origin: job.url },
        body: JSON.stringify({ columnId, afterCardId: after, version: card.version }),
      });
      const body = (await res.json()) as {
        card?: { version: number; columnId: string };
        error?: { code: string; details?: { card?: { version: number; columnId: string } } };
      };
      latencies.push(performance.now() - started);
      sentAt.push(sent);
      count(res.ok ? String(res.status) : `${res.status} ${body.error?.code}`);
      // A 409 carries the card as it is now: carry on from there.
      const now = body.card ?? body.error?.details?.card;
      if (now) Object.assign(card, { version: now.version, columnId: now.columnId });
    } catch (error) {
      count(`failed: ${(error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`);
    }
    await pause();
  }
}

async function sqlClient(pool: pg.Pool, cards: Job['cards'][number]) {
  await pause();
  while (Date.now() < deadline) {
    const card = cards[Math.floor(random() * cards.length)]!;
    const started = performance.now();
    const sent = Date.now();
    await pool.query('UPDATE cards SET version = version + 1, updated_at = now() WHERE id = $1', [card.id]);
    latencies.push(performance.now() - started);
    sentAt.push(sent);
    count('UPDATE');
    await pause();
  }
}

const started = performance.now();
if (job.mode === 'api') {
  await Promise.all(job.cards.map((cards) => apiClient(cards)));
} else {
  // PostgreSQL's connection limit is shared with everything else; the pool caps at 40 connections.
  const pool = new pg.Pool({ connectionString: job.url, max: Math.min(job.clients, 40) });
  await Promise.all(job.cards.map((cards) => sqlClient(pool, cards)));
  await pool.end();
}
const elapsed = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ latencies, sentAt, statuses, elapsed, cards: job.cards }) + '\n');
