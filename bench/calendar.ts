// The calendar's reads at size, each fetched beside GET /api/health in the same run: a team's month view (six weeks)
// with 5,000 cards dated in it, "my calendar" over 20 teams, a campaign page with 2,000 cards on 20 teams, and an
// iCalendar feed of 2,000 events.
import { spreadRanks } from '../packages/domain/src/ranks';
import { figure, freePort, freshDatabase, percentile, round, seedBoard, signInCookie, startServer } from './support';

const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const MONTH_CARDS = Number(process.env.BENCH_MONTH_CARDS ?? 5000);
const TEAMS = Number(process.env.BENCH_TEAMS ?? 20);
const CAMPAIGN_CARDS = Number(process.env.BENCH_CAMPAIGN_CARDS ?? 2000);
const DAY = 86_400_000;
const from = '2027-03-01';
const to = '2027-04-11';
const dayIn = (i: number) => new Date(Date.parse(from) + (i % 42) * DAY);

const database = await freshDatabase();
console.log(`Database: ${database.kind}`);
const db = database.db;
const columns = [
  { name: 'To do', flowCategory: 'TODO' as const },
  { name: 'Doing', flowCategory: 'IN_PROGRESS' as const },
  { name: 'Done', flowCategory: 'DONE' as const },
];
const labels = ['blog', 'seo', 'video', 'email', 'social', 'paid'];

/** `count` dated cards on a board, spread over its columns and the six weeks; one in three spans three days. */
async function datedCards(board: Awaited<ReturnType<typeof seedBoard>>['board'], count: number, campaignId?: string) {
  const ranks = spreadRanks(count);
  await db.card.createMany({
    data: ranks.map((rank, i) => ({
      boardId: board.id,
      columnId: board.columns[i % board.columns.length]!.id,
      rank,
      title: `Card ${i + 1}: spring campaign asset, part ${i % 7}`,
      estimate: (i % 8) + 1,
      labels: [labels[i % labels.length]!],
      startDate: i % 3 === 0 ? dayIn(i) : null,
      dueDate: new Date(dayIn(i).getTime() + (i % 3 === 0 ? 2 * DAY : 0)),
      blocked: i % 50 === 0,
      campaignId: campaignId ?? null,
    })),
  });
}

const started = Date.now();
const month = await seedBoard(db, columns, 'Month board');
await datedCards(month.board, MONTH_CARDS);
const campaign = await db.campaign.create({
  data: {
    name: 'Spring launch',
    startDate: new Date(from),
    endDate: new Date(to),
    colour: 'teal',
    status: 'RUNNING',
    ownerId: month.user.id,
  },
});
for (let t = 0; t < TEAMS; t++) {
  const seeded = await seedBoard(db, columns, `Campaign team ${t + 1}`);
  await datedCards(seeded.board, Math.ceil(CAMPAIGN_CARDS / TEAMS), campaign.id);
}
// The bench's person owns the campaign's cards: "my calendar" and the "my cards" feed list them.
const owned = await db.card.findMany({ where: { campaignId: campaign.id }, select: { id: true } });
await db.cardOwner.createMany({ data: owned.map((c) => ({ cardId: c.id, userId: month.user.id })) });
console.log(
  `Seeded ${MONTH_CARDS} cards dated in six weeks on one team, and a campaign of ${owned.length} cards on ${TEAMS} teams, in ${round((Date.now() - started) / 1000)} s`,
);

const server = await startServer(database.url, freePort());
const cookie = await signInCookie(server.url);
const headers = { cookie, origin: server.url, 'content-type': 'application/json' };
const feedRes = await fetch(`${server.url}/api/account/calendar-feeds`, {
  method: 'POST',
  headers,
  body: JSON.stringify({ scope: 'mine' }),
});
if (!feedRes.ok) throw new Error(`making a feed failed: ${feedRes.status} ${await feedRes.text()}`);
const feedUrl = ((await feedRes.json()) as { url: string }).url.replace(/^https?:\/\/[^/]+/, server.url);

async function timed(url: string, withCookie = true) {
  const t0 = performance.now();
  const res = await fetch(url, { headers: withCookie ? { cookie } : {} });
  const body = await res.text();
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 200)}`);
  return { ms: performance.now() - t0, bytes: Buffer.byteLength(body), body };
}

const reads = [
  {
    metric: 'team_month',
    name: 'a team’s six weeks',
    url: `${server.url}/api/teams/${month.team.id}/calendar?from=${from}&to=${to}`,
    target: 100,
  },
  {
    metric: 'my_calendar',
    name: 'my calendar, 20 teams',
    url: `${server.url}/api/calendar?from=${from}&to=${to}`,
    target: 300,
  },
  { metric: 'campaign_page', name: 'a campaign page', url: `${server.url}/api/campaigns/${campaign.id}`, target: 200 },
  { metric: 'feed', name: 'an iCalendar feed', url: feedUrl, target: 200, anonymous: true },
];
for (const read of reads) {
  const first = await timed(read.url, !read.anonymous);
  const times: number[] = [];
  const health: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    times.push((await timed(read.url, !read.anonymous)).ms);
    health.push((await timed(`${server.url}/api/health`, false)).ms);
  }
  times.sort((a, b) => a - b);
  health.sort((a, b) => a - b);
  const size =
    read.metric === 'feed'
      ? `${first.body.split('BEGIN:VEVENT').length - 1} events`
      : read.metric === 'campaign_page'
        ? `${round(first.bytes / 1024)} KB`
        : `${(JSON.parse(first.body) as { cards: unknown[] }).cards.length} cards`;
  console.log(
    `${read.name} (${size}): p50 ${round(percentile(times, 50))} ms, p95 ${round(percentile(times, 95))} ms (target ${read.target}); /api/health p95 ${round(percentile(health, 95))} ms`,
  );
  console.log(figure('calendar', `${read.metric}_p95_ms`, percentile(times, 95), 'ms', percentile(health, 95)));
}
await server.stop();
await database.close();
