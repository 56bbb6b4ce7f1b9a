// A comment on a card 200 people watch: how long the comment's answer takes (the fan-out runs after the commit, so
// it should not wait for the watchers) and how long until all 200 inboxes have it, beside the same comment on a card
// nobody watches, in the same run and alternating with it.
// Then due-date reminders for many cards falling due at the same moment while clients keep moving cards: how long
// until every reminder is in its inbox, and the moves' p99 meanwhile beside the same clients with no reminders.
import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { spreadRanks } from '../packages/domain/src/ranks';
import {
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

const WATCHERS = Number(process.env.BENCH_WATCHERS ?? 200);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 40);
const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 10_000);
/** The reminders' cards are shared out among this many owners, one owner each. */
const REMINDED_PEOPLE = Number(process.env.BENCH_REMINDED_PEOPLE ?? 100);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** How often the server looks for reminders to write (its NOTIFICATION_SCHEDULE_MS). */
const SCHEDULE_MS = Number(process.env.BENCH_SCHEDULE_MS ?? 1000);
const CARDS_PER_CLIENT = 5;

const database = await freshDatabase();
console.log(`Database: ${database.kind}`);
const { board, team } = await seedBoard(database.db, [
  { name: 'To do', flowCategory: 'TODO' },
  { name: 'Done', flowCategory: 'DONE' },
]);
await database.db.user.createMany({
  data: Array.from({ length: WATCHERS }, (_, i) => ({
    email: `watcher-${i}@example.test`,
    name: `Watcher ${i}`,
    passwordHash: 'not-a-password',
  })),
});
const watchers = await database.db.user.findMany({
  where: { email: { startsWith: 'watcher-' } },
  select: { id: true },
});
await database.db.membership.createMany({
  data: watchers.map((w) => ({ teamId: team.id, userId: w.id, role: 'MEMBER' as const })),
});
const [watched, quiet] = await Promise.all(
  ['Launch blog post', 'Internal note'].map((title, i) =>
    database.db.card.create({
      data: { boardId: board.id, columnId: board.columns[0]!.id, rank: `a${i}`, title },
    }),
  ),
);
await database.db.cardWatch.createMany({ data: watchers.map((w) => ({ cardId: watched!.id, userId: w.id })) });

// The moving clients' cards, on a board of their own with five columns.
const moving = await seedBoard(
  database.db,
  (['BACKLOG', 'TODO', 'IN_PROGRESS', 'IN_PROGRESS', 'DONE'] as const).map((flowCategory, i) => ({
    name: `Step ${i + 1}`,
    flowCategory,
  })),
  'Moving board',
);
const perColumn = Math.ceil((CLIENTS * CARDS_PER_CLIENT) / moving.board.columns.length);
for (const column of moving.board.columns)
  await database.db.card.createMany({
    data: spreadRanks(perColumn).map((rank, i) => ({
      boardId: moving.board.id,
      columnId: column.id,
      rank,
      title: `Card ${column.name} ${i}`,
    })),
  });
// The reminded cards, on another team's board, without a due date until the moment they all fall due.
const reminded = await seedBoard(database.db, [{ name: 'Planned', flowCategory: 'TODO' }], 'Reminder board');
await database.db.user.createMany({
  data: Array.from({ length: REMINDED_PEOPLE }, (_, i) => ({
    email: `owner-${i}@example.test`,
    name: `Owner ${i}`,
    passwordHash: 'not-a-password',
  })),
});
const owners = await database.db.user.findMany({ where: { email: { startsWith: 'owner-' } }, select: { id: true } });
await database.db.membership.createMany({
  data: owners.map((o) => ({ teamId: reminded.team.id, userId: o.id, role: 'MEMBER' as const })),
});
await database.db.card.createMany({
  data: spreadRanks(REMINDERS).map((rank, i) => ({
    boardId: reminded.board.id,
    columnId: reminded.board.columns[0]!.id,
    rank,
    title: `Planned piece ${i}`,
  })),
});
const remindedCards = await database.db.card.findMany({
  where: { boardId: reminded.board.id },
  select: { id: true },
  orderBy: { id: 'asc' },
});
await database.db.cardOwner.createMany({
  data: remindedCards.map((c, i) => ({ cardId: c.id, userId: owners[i % owners.length]!.id })),
});

const server = await startServer(database.url, freePort(), {
  env: { NOTIFICATION_SCHEDULE_MS: String(SCHEDULE_MS) },
});
const probe = new pg.Client({ connectionString: database.url });
await probe.connect();
const sort = (xs: number[]) => [...xs].sort((a, b) => a - b);

interface Moves {
  latencies: number[];
  sentAt: number[];
  statuses: Record<string, number>;
  cards: { id: string; columnId: string; version: number }[][];
}

/** The move-card bench's driver, in its own process: clients moving their own cards. */
function drive(job: object): Promise<Moves> {
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

const told = async (cardId: string) =>
  Number((await probe.query('SELECT count(*)::int AS n FROM notifications WHERE card_id = $1', [cardId])).rows[0].n);
try {
  const cookie = await signInCookie(server.url);
  const comment = async (cardId: string, i: number) => {
    const started = performance.now();
    const res = await fetch(`${server.url}/api/cards/${cardId}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, cookie },
      body: JSON.stringify({ body: `Draft ${i} is ready for review` }),
    });
    if (!res.ok) throw new Error(`comment: ${res.status} ${await res.text()}`);
    return { answered: performance.now(), ms: performance.now() - started };
  };
  // Warm up both paths.
  for (let i = 0; i < 3; i++) {
    await comment(quiet!.id, i);
    await comment(watched!.id, i);
  }
  while ((await told(watched!.id)) < 3 * WATCHERS) await new Promise((r) => setTimeout(r, 5));

  const watchedMs: number[] = [];
  const quietMs: number[] = [];
  const inboxMs: number[] = [];
  for (let i = 0; i < COMMENTS; i++) {
    quietMs.push((await comment(quiet!.id, i)).ms);
    const before = await told(watched!.id);
    const { answered, ms } = await comment(watched!.id, i);
    watchedMs.push(ms);
    // The bench polls its own connection until every watcher has it; the poll is a few ms at most.
    while ((await told(watched!.id)) < before + WATCHERS) await new Promise((r) => setTimeout(r, 2));
    inboxMs.push(performance.now() - answered);
  }
  const [w, q, inbox] = [sort(watchedMs), sort(quietMs), sort(inboxMs)];
  console.log(
    `Comment answer, ${WATCHERS} watchers: p50 ${round(percentile(w, 50))} ms, p95 ${round(percentile(w, 95))} ms`,
  );
  console.log(`Comment answer, no watchers: p50 ${round(percentile(q, 50))} ms, p95 ${round(percentile(q, 95))} ms`);
  console.log(
    `From the answer to all ${WATCHERS} inboxes: p50 ${round(percentile(inbox, 50))} ms, p95 ${round(percentile(inbox, 95))} ms`,
  );
  console.log(figure('notifications', 'comment-200-watchers-p95', percentile(w, 95), 'ms', percentile(q, 95)));
  console.log(figure('notifications', 'comment-200-watchers-p50', percentile(w, 50), 'ms', percentile(q, 50)));
  console.log(figure('notifications', 'all-inboxes-p95', percentile(inbox, 95), 'ms', percentile(q, 95)));

  // Reminders falling due while clients move cards, beside the same clients moving with nothing falling due.
  const columns = moving.board.columns.map((c) => c.id);
  let cards = await database.db.card.findMany({
    where: { boardId: moving.board.id },
    select: { id: true, columnId: true, version: true },
    orderBy: { id: 'asc' },
  });
  const job = (seconds: number) => ({
    mode: 'api',
    url: server.url,
    cookie,
    clients: CLIENTS,
    seconds,
    pauseMs: PAUSE_MS,
    columns,
    cards: Array.from({ length: CLIENTS }, (_, i) => cards.slice(i * CARDS_PER_CLIENT, (i + 1) * CARDS_PER_CLIENT)),
  });
  const carryOn = (result: Moves) => (cards = result.cards.flat());
  carryOn(await drive(job(3))); // warm-up, not counted
  const quietMoves = await drive(job(SECONDS));
  carryOn(quietMoves);

  const reminders = async () =>
    Number((await probe.query("SELECT count(*)::int AS n FROM notifications WHERE kind LIKE 'due.%'")).rows[0].n);
  const driving = drive(job(SECONDS));
  await new Promise((r) => setTimeout(r, 2000));
  // Every card falls due at once: due an hour from now, as if that moment had come for all of them.
  const fallDue = Date.now();
  await probe.query(`UPDATE cards SET due_date = now() + interval '1 hour' WHERE board_id = $1`, [reminded.board.id]);
  let first: number | null = null;
  for (let n = 0; n < REMINDERS; n = await reminders()) {
    if (n > 0) first ??= Date.now();
    if (Date.now() - fallDue > 300_000) throw new Error(`only ${n} of ${REMINDERS} reminders after 300 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const allIn = Date.now();
  first ??= allIn;
  const busyMoves = await driving;
  if (busyMoves.sentAt.at(-1)! < allIn)
    console.log('(the clients stopped before every reminder was in; raise BENCH_SECONDS)');
  const p99 = (latencies: number[]) => percentile(sort(latencies), 99);
  const during = busyMoves.latencies.filter((_, i) => busyMoves.sentAt[i]! >= fallDue && busyMoves.sentAt[i]! <= allIn);
  const moves = (m: Moves) =>
    Object.entries(m.statuses)
      .map(([status, n]) => `${n} × ${status}`)
      .join(', ');
  console.log(
    `${REMINDERS} reminders for ${REMINDED_PEOPLE} people falling due at once (the server looks every ${SCHEDULE_MS} ms):`,
  );
  console.log(
    `  first in an inbox after ${round(first - fallDue, 0)} ms, all in after ${round(allIn - fallDue, 0)} ms`,
  );
  console.log(
    `Moves by ${CLIENTS} clients, each about once every ${PAUSE_MS} ms: p99 ${round(p99(quietMoves.latencies))} ms with nothing falling due (${moves(quietMoves)}); ` +
      `p99 ${round(p99(busyMoves.latencies))} ms through the run with the reminders (${moves(busyMoves)}), ` +
      `${round(p99(during))} ms over the ${during.length} moves sent while they were written`,
  );
  console.log(figure('notifications', 'reminders-all-in-inbox', allIn - fallDue, 'ms', SCHEDULE_MS));
  console.log(figure('notifications', 'moves-p99-while-reminding', p99(during), 'ms', p99(quietMoves.latencies)));
} finally {
  await probe.end();
  await server.stop();
  await database.close();
}
