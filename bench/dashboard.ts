// The PMO dashboard at scale: 100 teams, 200,000 cards and 2,000,000 activity entries over 180 days, then the
// portfolio overview, the organisation's cumulative flow over 90 days, one team's cycle-time scatter, and the
// obstacle list, blocked time per category and time to clear across the organisation, each fetched beside the
// trivial health route.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { addDays, localDay } from '../packages/domain/src/local-days';
import { spreadRanks } from '../packages/domain/src/ranks';
import { defaultPrinciples } from '../packages/domain/src/principles';
import { hashPassword } from '../apps/api/src/lib/passwords';
import {
  BENCH_EMAIL,
  BENCH_PASSWORD,
  figure,
  freePort,
  freshDatabase,
  percentile,
  round,
  signInCookie,
  startServer,
} from './support';

const TEAMS = Number(process.env.BENCH_TEAMS ?? 100);
const CARDS_PER_TEAM = Number(process.env.BENCH_CARDS_PER_TEAM ?? 2000);
const ENTRIES_PER_CARD = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const HISTORY_DAYS = 180;
const DAY = 86_400_000;
const HOUR = 3_600_000;

type Stage = 'BACKLOG' | 'TODO' | 'IN_PROGRESS' | 'DONE';
// Boards differ between teams: some have a review column, some a waiting column; all map onto the same stages.
const categories = ['legal_compliance', 'creative_approval', 'vendor', 'data', 'other_team', 'other'] as const;
const layouts: { name: string; stage: Stage; wipLimit?: number }[][] = [
  [
    { name: 'Backlog', stage: 'BACKLOG' },
    { name: 'To do', stage: 'TODO', wipLimit: 12 },
    { name: 'In progress', stage: 'IN_PROGRESS', wipLimit: 6 },
    { name: 'Review', stage: 'IN_PROGRESS', wipLimit: 4 },
    { name: 'Done', stage: 'DONE' },
  ],
  [
    { name: 'Ideas', stage: 'BACKLOG' },
    { name: 'Ready', stage: 'TODO', wipLimit: 10 },
    { name: 'Writing', stage: 'IN_PROGRESS', wipLimit: 5 },
    { name: 'Approval', stage: 'IN_PROGRESS', wipLimit: 3 },
    { name: 'Scheduled', stage: 'IN_PROGRESS' },
    { name: 'Published', stage: 'DONE' },
  ],
  [
    { name: 'Backlog', stage: 'BACKLOG' },
    { name: 'Doing', stage: 'IN_PROGRESS', wipLimit: 8 },
    { name: 'Done', stage: 'DONE' },
  ],
];

const started = Date.now();
const elapsed = () => `${round((Date.now() - started) / 1000, 0)} s`;
const database = await freshDatabase();
console.log(
  `Database: ${database.kind}. Seeding ${TEAMS} teams, ${(TEAMS * CARDS_PER_TEAM).toLocaleString()} cards, ${(TEAMS * CARDS_PER_TEAM * ENTRIES_PER_CARD).toLocaleString()} activity entries…`,
);
const client = new pg.Client({ connectionString: database.url });
await client.connect();
// Bulk load: triggers off for this session (no per-row commit numbering or rollup upkeep); the rollup is rebuilt
// once at the end, as the migration does for existing history.
await client.query("SET session_replication_role = 'replica'");

const pmo = { id: randomUUID(), passwordHash: await hashPassword(BENCH_PASSWORD) };
await client.query(
  `INSERT INTO users (id, email, name, password_hash, org_role) VALUES ($1, $2, 'Bench PMO', $3, 'PMO')`,
  [pmo.id, BENCH_EMAIL, pmo.passwordHash],
);
const principleIds = defaultPrinciples.map(() => randomUUID());
await client.query(
  `INSERT INTO principles (id, key, name, description, position) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[])`,
  [
    principleIds,
    defaultPrinciples.map((p) => p.key),
    defaultPrinciples.map((p) => p.name),
    defaultPrinciples.map((p) => p.description ?? ''),
    defaultPrinciples.map((_, i) => i),
  ],
);

let seed = 12345;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const days = (mean: number) => -Math.log(1 - random()) * mean * DAY;
const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();
const firstTeamId: string[] = [];

for (let t = 0; t < TEAMS; t++) {
  const teamId = randomUUID();
  const boardId = randomUUID();
  const layout = layouts[t % layouts.length]!;
  const columns = layout.map((c, position) => ({ ...c, id: randomUUID(), position }));
  if (t === 0) firstTeamId.push(teamId);
  await client.query(`INSERT INTO teams (id, name, slug) VALUES ($1, $2, $3)`, [
    teamId,
    `Team ${String(t + 1).padStart(3, '0')}`,
    `team-${t + 1}`,
  ]);
  // The PMO works on the first team's board too, for the moves timed while stages are recounted.
  if (t === 0)
    await client.query(`INSERT INTO memberships (user_id, team_id, role) VALUES ($1, $2, 'MEMBER')`, [pmo.id, teamId]);
  await client.query(`INSERT INTO boards (id, team_id, name) VALUES ($1, $2, 'Board')`, [boardId, teamId]);
  await client.query(
    `INSERT INTO columns (id, board_id, name, position, wip_limit, flow_category) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::"FlowCategory"[])`,
    [
      columns.map((c) => c.id),
      columns.map(() => boardId),
      columns.map((c) => c.name),
      columns.map((c) => c.position),
      columns.map((c) => c.wipLimit ?? null),
      columns.map((c) => c.stage),
    ],
  );
  const sprintId = randomUUID();
  await client.query(
    `INSERT INTO sprints (id, team_id, name, start_date, end_date, capacity_points, state) VALUES ($1, $2, 'Sprint 9', $3, $4, $5, 'ACTIVE')`,
    [sprintId, teamId, iso(now - 6 * DAY), iso(now + 8 * DAY), 30 + (t % 20)],
  );

  const cards: unknown[][] = [[], [], [], [], [], [], [], [], [], [], [], [], [], []];
  const activity: unknown[][] = [[], [], [], [], [], [], []];
  const tagged: string[] = [];
  const perColumn = new Map<string, number>();
  const add = (at: number, cardId: string, kind: string, from: unknown, to: unknown) => {
    activity[0]!.push(iso(at));
    activity[1]!.push(teamId);
    activity[2]!.push(boardId);
    activity[3]!.push(cardId);
    activity[4]!.push(kind);
    activity[5]!.push(from === null ? null : JSON.stringify(from));
    activity[6]!.push(to === null ? null : JSON.stringify(to));
  };
  for (let i = 0; i < CARDS_PER_TEAM; i++) {
    const cardId = randomUUID();
    const createdAt = now - random() * HISTORY_DAYS * DAY;
    const path = columns.filter((c) => c.stage !== 'BACKLOG' || c.position === 0);
    let at = createdAt;
    let place = path[0]!;
    const placeOf = (c: typeof place) => ({ columnId: c.id, swimlaneId: null, flowCategory: c.stage });
    add(at, cardId, 'card.created', null, { ...placeOf(place), title: `Campaign asset ${i + 1}` });
    let entries = 1;
    let blockedSince: number | null = null;
    let blocker: { reason: string; category: string } | null = null;
    let escalatedAt: number | null = null;
    let startedAt: number | null = null;
    let doneAt: number | null = null;
    for (let step = 1; step < path.length; step++) {
      const next = at + days(place.stage === 'BACKLOG' ? 6 : 2);
      if (next > now) break;
      // Now and then a card goes back a column before going on.
      if (step > 1 && random() < 0.12 && next + days(1) < now) {
        const back = path[step - 1]!;
        add(next, cardId, 'card.moved', placeOf(place), placeOf(back));
        add(next + HOUR, cardId, 'card.moved', placeOf(back), placeOf(place));
        entries += 2;
      }
      if (place.stage === 'IN_PROGRESS' && random() < 0.15) {
        const b = at + (next - at) * 0.3;
        const category = categories[Math.floor(random() * categories.length)]!;
        add(b, cardId, 'card.blocked', null, { reason: `Waiting: ${category}`, category });
        add(b + (next - at) * 0.4, cardId, 'card.unblocked', { reason: `Waiting: ${category}`, category }, null);
        entries += 2;
      }
      const target = path[step]!;
      add(next + 2 * HOUR, cardId, 'card.moved', placeOf(place), placeOf(target));
      entries++;
      at = next + 2 * HOUR;
      place = target;
      if (place.stage === 'IN_PROGRESS') startedAt ??= at;
      if (place.stage === 'DONE') doneAt = at;
    }
    // Cards still open may be blocked now.
    if (place.stage === 'IN_PROGRESS' && random() < 0.08) {
      blockedSince = at + (now - at) * random();
      const category = categories[Math.floor(random() * categories.length)]!;
      blocker = { reason: `Waiting: ${category}`, category };
      add(blockedSince, cardId, 'card.blocked', null, blocker);
      entries++;
      // A third of the open obstacles are escalated to the PMO.
      if (random() < 0.33) {
        escalatedAt = blockedSince + (now - blockedSince) * random();
        add(escalatedAt, cardId, 'card.escalated', null, blocker);
        entries++;
      }
    }
    const archivedAt = doneAt !== null && now - doneAt > 30 * DAY ? doneAt + 3 * DAY : null;
    if (archivedAt !== null) {
      add(archivedAt, cardId, 'card.archived', placeOf(place), null);
      entries++;
    }
    for (let c = entries; c < ENTRIES_PER_CARD; c++)
      add(createdAt + (at - createdAt) * random(), cardId, 'comment.added', null, { commentId: randomUUID() });
    const rankIndex = perColumn.get(place.id) ?? 0;
    perColumn.set(place.id, rankIndex + 1);
    cards[0]!.push(cardId);
    cards[1]!.push(place.id);
    cards[2]!.push(`Campaign asset ${i + 1}`);
    cards[3]!.push(rankIndex);
    cards[4]!.push(iso(createdAt));
    cards[5]!.push(archivedAt === null ? null : iso(archivedAt));
    cards[6]!.push(blockedSince !== null);
    cards[7]!.push(blockedSince === null ? null : iso(blockedSince));
    cards[8]!.push((i % 8) + 1);
    cards[9]!.push(archivedAt === null && place.stage !== 'BACKLOG' && i % 10 === 0 ? sprintId : null);
    cards[10]!.push(startedAt === null ? null : iso(startedAt));
    cards[11]!.push(archivedAt === null ? (blocker?.reason ?? null) : null);
    cards[12]!.push(archivedAt === null ? (blocker?.category ?? null) : null);
    cards[13]!.push(archivedAt === null && escalatedAt !== null ? iso(escalatedAt) : null);
    if (archivedAt === null && i % 3 === 0) tagged.push(cardId);
  }
  // Ranks per column, in insertion order.
  const ranks = new Map<string, string[]>([...perColumn].map(([columnId, n]) => [columnId, spreadRanks(n)]));
  const rank = (cards[1] as string[]).map((columnId, i) => ranks.get(columnId)![cards[3]![i] as number]!);
  await client.query(
    `INSERT INTO cards (id, board_id, column_id, title, rank, created_at, archived_at, blocked, blocked_since, estimate, sprint_id, started_at, blocked_reason, blocker_category, escalated_at)
     SELECT id, $1, column_id, title, rank, created_at, archived_at, blocked, blocked_since, estimate, sprint_id, started_at, blocked_reason, blocker_category, escalated_at
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::bool[], $9::timestamptz[], $10::int[], $11::text[], $12::timestamptz[], $13::text[], $14::text[], $15::timestamptz[])
       AS c(id, column_id, title, rank, created_at, archived_at, blocked, blocked_since, estimate, sprint_id, started_at, blocked_reason, blocker_category, escalated_at)`,
    [
      boardId,
      cards[0],
      cards[1],
      cards[2],
      rank,
      cards[4],
      cards[5],
      cards[6],
      cards[7],
      cards[8],
      cards[9],
      cards[10],
      cards[11],
      cards[12],
      cards[13],
    ],
  );
  await client.query(`INSERT INTO card_principles (card_id, principle_id) SELECT c, $2 FROM unnest($1::text[]) AS c`, [
    tagged,
    principleIds[t % principleIds.length],
  ]);
  await client.query(
    `INSERT INTO activity (at, team_id, board_id, card_id, kind, "from", "to")
     SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[])`,
    activity,
  );
  // A few dozen stretches over the in-progress column's WIP limit, the last one still open on some teams.
  const limited = columns.find((c) => c.wipLimit !== undefined)!;
  const breaches = Array.from({ length: 40 }, (_, b) => now - (HISTORY_DAYS - b * 4.4) * DAY);
  await client.query(
    `INSERT INTO wip_breaches (id, board_id, column_id, "limit", peak_count, started_at, ended_at)
     SELECT gen_random_uuid()::text, $1, $2, $3, $3 + 2, s, CASE WHEN i = $5 AND $6 THEN NULL ELSE s + interval '7 hours' END FROM unnest($4::timestamptz[]) WITH ORDINALITY AS b(s, i)`,
    [boardId, limited.id, limited.wipLimit!, breaches.map(iso), breaches.length, t % 3 === 0],
  );
  if ((t + 1) % 10 === 0)
    console.log(
      `  ${t + 1} teams, ${((t + 1) * CARDS_PER_TEAM).toLocaleString()} cards, ${((t + 1) * CARDS_PER_TEAM * ENTRIES_PER_CARD).toLocaleString()} entries (${elapsed()})`,
    );
}
// Dependencies and experiments: one open card in ten waits on (or blocks, or relates to) a random other card,
// nearly always another team's; a quarter of the cards have a due date in the coming weeks; one card in twelve is
// an experiment, most with a result.
await client.query(
  `INSERT INTO card_links (id, from_card_id, to_card_id, kind)
   SELECT gen_random_uuid()::text, a.id, b.id, (ARRAY['DEPENDS_ON', 'BLOCKS', 'RELATES'])[1 + a.n % 3]::"LinkKind"
   FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM cards WHERE archived_at IS NULL) a
   JOIN (SELECT id, row_number() OVER (ORDER BY md5(id)) AS n FROM cards WHERE archived_at IS NULL) b ON a.n = b.n
   WHERE a.n % 10 = 0 AND a.id <> b.id`,
);
await client.query(
  `UPDATE cards SET due_date = date_trunc('day', now()) + (abs(hashtext(id)) % 30 - 5) * interval '1 day' WHERE abs(hashtext(id)) % 4 = 0`,
);
await client.query(
  `UPDATE cards SET type = 'EXPERIMENT', experiment_result = (ARRAY['VALIDATED', 'INVALIDATED', 'INCONCLUSIVE', NULL])[1 + abs(hashtext(id || 'r')) % 4]::"ExperimentResult"
   WHERE abs(hashtext(id || 'x')) % 12 = 0`,
);
await client.query("SET session_replication_role = 'origin'");
console.log(`Rebuilding the per-card flow and blocked-stretch rollups from the log… (${elapsed()})`);
await client.query('SELECT rebuild_card_flow()');
await client.query('SELECT rebuild_card_blocks()');
// As autovacuum would after a load this size: statistics, and the visibility map that index-only scans need.
await client.query('VACUUM ANALYZE');
const counts = (
  await client.query(
    `SELECT (SELECT count(*) FROM cards)::int AS cards, (SELECT count(*) FROM activity)::int AS entries, (SELECT count(*) FROM card_flow)::int AS flows, (SELECT count(*) FROM card_links)::int AS links`,
  )
).rows[0];
console.log(
  `Seeded ${counts.cards.toLocaleString()} cards, ${counts.entries.toLocaleString()} activity entries, ${counts.flows.toLocaleString()} card-flow rows, ${counts.links.toLocaleString()} card links in ${elapsed()}`,
);
await client.end();

const server = await startServer(database.url, freePort());
try {
  const cookie = await signInCookie(server.url);
  const time = async (path: string) => {
    const t0 = performance.now();
    const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return performance.now() - t0;
  };
  const today = localDay(now, 'UTC');
  const period = `from=${addDays(today, -89)}&to=${today}&tz=Europe/Berlin`;
  const routes = {
    overview: `/api/dashboard/overview?${period}`,
    cumulative_flow_org_90d: `/api/dashboard/cumulative-flow?${period}`,
    cycle_time_team: `/api/dashboard/teams/${firstTeamId[0]}/cycle-time?${period}`,
    dependency_graph: '/api/dashboard/dependencies/graph?tz=Europe/Berlin',
    dependency_list_at_risk: '/api/dashboard/dependencies?atRisk=true&tz=Europe/Berlin',
    principle_coverage_org_90d: `/api/dashboard/principle-coverage?${period}`,
    obstacle_list_org: '/api/dashboard/obstacles',
    obstacle_list_escalated_by_title: '/api/dashboard/obstacles?escalated=yes&sort=title',
    blocked_time_org_90d: `/api/dashboard/obstacles/blocked-time?${period}`,
    time_to_clear_org_90d: `/api/dashboard/obstacles/time-to-clear?${period}`,
  };
  for (const [name, path] of Object.entries(routes)) {
    for (let i = 0; i < 3; i++) await time(path); // warm-up
    const measured: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      measured.push(await time(path));
      base.push(await time('/api/health'));
    }
    measured.sort((a, b) => a - b);
    base.sort((a, b) => a - b);
    console.log(figure('dashboard', `${name}_p50_ms`, percentile(measured, 50), 'ms', percentile(base, 50)));
    console.log(figure('dashboard', `${name}_p95_ms`, percentile(measured, 95), 'ms', percentile(base, 95)));
  }

  // A stage change at this size: a new in-progress stage moved before the other, which recounts every team's
  // arrivals after answering, while cards move on the first team's board. Baseline: the same moves before.
  const send = async (method: string, path: string, body?: unknown) => {
    const t0 = performance.now();
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, origin: server.url, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return { ms: performance.now() - t0, json };
  };
  const open = await database.db.column.findMany({
    where: { board: { teamId: firstTeamId[0] }, wipLimit: null },
    orderBy: { position: 'asc' },
    take: 2,
    select: { id: true },
  });
  const moving = await database.db.card.findMany({
    where: { columnId: open[0]!.id, archivedAt: null },
    take: 40,
    select: { id: true, version: true },
  });
  let turn = 0;
  const moveOne = async () => {
    const card = moving[turn++ % moving.length]!;
    const { ms, json } = await send('POST', `/api/cards/${card.id}/move`, {
      columnId: open[turn % 2]!.id,
      afterCardId: null,
      version: card.version,
    });
    card.version = (json.card as { version: number }).version;
    return ms;
  };
  const recounted = async () => {
    while (((await send('GET', '/api/dashboard/stages')).json.teamsRecounting as number) > 0)
      await new Promise((r) => setTimeout(r, 200));
  };
  const stages = (await send('GET', '/api/dashboard/stages')).json.stages as { id: string; flowCategory: string }[];
  const added = (await send('POST', '/api/dashboard/stages', { name: 'Bench checks', flowCategory: 'IN_PROGRESS' }))
    .json as { id: string };
  await recounted();
  const before: number[] = [];
  for (let i = 0; i < 40; i++) before.push(await moveOne());
  const order = [...stages.map((x) => x.id)];
  order.splice(order.indexOf(stages.filter((x) => x.flowCategory === 'IN_PROGRESS').at(-1)!.id), 0, added.id);
  const started = performance.now();
  const reorder = await send('PUT', '/api/dashboard/stages/order', { stageIds: order });
  const during: number[] = [];
  while (((await send('GET', '/api/dashboard/stages')).json.teamsRecounting as number) > 0)
    during.push(await moveOne());
  const recount = performance.now() - started;
  before.sort((a, b) => a - b);
  during.sort((a, b) => a - b);
  console.log(
    `Stage reorder answered in ${round(reorder.ms)} ms; every team recounted ${round(recount / 1000)} s after; ${during.length} moves meanwhile`,
  );
  console.log(figure('dashboard', 'stage_reorder_answer_ms', reorder.ms, 'ms', percentile(before, 50)));
  console.log(figure('dashboard', 'stage_recount_all_teams_ms', recount, 'ms', percentile(before, 50)));
  console.log(figure('dashboard', 'move_during_recount_p50_ms', percentile(during, 50), 'ms', percentile(before, 50)));
  console.log(figure('dashboard', 'move_during_recount_p95_ms', percentile(during, 95), 'ms', percentile(before, 95)));
  console.log(figure('dashboard', 'move_during_recount_max_ms', during.at(-1) ?? NaN, 'ms', before.at(-1)!));
  await send('DELETE', `/api/dashboard/stages/${added.id}`);
} finally {
  await server.stop();
  // BENCH_KEEP_DATABASE=1 leaves the seeded database in place (for EXPLAIN); drop it by hand afterwards.
  if (process.env.BENCH_KEEP_DATABASE) {
    console.log(`Kept the database: ${database.url}`);
    await database.db.$disconnect();
  } else await database.close();
}
