// A comment on a card 200 people watch: how long the comment's answer takes (the fan-out runs after the commit, so
// it should not wait for the watchers) and how long until all 200 inboxes have it, beside the same comment on a card
// nobody watches, in the same run and alternating with it.
import pg from 'pg';
import { figure, freePort, freshDatabase, percentile, round, seedBoard, signInCookie, startServer } from './support';

const WATCHERS = Number(process.env.BENCH_WATCHERS ?? 200);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 40);

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

const server = await startServer(database.url, freePort());
const probe = new pg.Client({ connectionString: database.url });
await probe.connect();
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
  const sort = (xs: number[]) => [...xs].sort((a, b) => a - b);
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
} finally {
  await probe.end();
  await server.stop();
  await database.close();
}
