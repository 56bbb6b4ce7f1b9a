// Burndown and velocity for a team with 40 sprints and 4,000 cards of history, against a trivial route.
import { randomUUID } from 'node:crypto';
import { spreadRanks } from '../packages/domain/src/ranks';
import { activityKinds } from '../packages/shared/src/activity';
import { activityRows, type ActivityEntry } from '../apps/api/src/services/activity/record-activity';
import { figure, freePort, freshDatabase, percentile, round, seedBoard, signInCookie, startServer } from './support';

const SPRINTS = 40;
const CARDS_PER_SPRINT = 100;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const DAY = 86_400_000;

const database = await freshDatabase();
console.log(`Database: ${database.kind}`);
const { board, team, user } = await seedBoard(database.db, [
  { name: 'Backlog', flowCategory: 'BACKLOG' },
  { name: 'To do', flowCategory: 'TODO' },
  { name: 'In progress', flowCategory: 'IN_PROGRESS' },
  { name: 'Done', flowCategory: 'DONE' },
]);
const [, todo, doing, done] = board.columns;
const place = (c: typeof todo) => ({ columnId: c!.id, swimlaneId: null, flowCategory: c!.flowCategory });

// Two-week sprints back to back, the last one still running; each with 100 cards planned before it starts, ten
// more added mid-sprint, estimates changed now and then, about four in five finished, the rest carried over.
const firstStart = Date.now() - (SPRINTS - 1) * 14 * DAY - 3 * DAY;
const sprints = Array.from({ length: SPRINTS }, (_, i) => {
  const start = firstStart + i * 14 * DAY;
  const active = i === SPRINTS - 1;
  return {
    id: randomUUID(),
    teamId: team.id,
    name: `Sprint ${i + 1}`,
    startDate: new Date(new Date(start).toISOString().slice(0, 10)),
    endDate: new Date(new Date(start + 11 * DAY).toISOString().slice(0, 10)),
    state: active ? ('ACTIVE' as const) : ('CLOSED' as const),
    startedAt: new Date(start + 3600_000),
    closedAt: active ? null : new Date(start + 11 * DAY + 16 * 3600_000),
    capacityPoints: 300,
  };
});
await database.db.sprint.createMany({ data: sprints });
const cards: {
  id: string;
  boardId: string;
  columnId: string;
  rank: string;
  title: string;
  estimate: number;
  sprintId: string;
  createdAt: Date;
}[] = [];
const history: ActivityEntry[] = [];
const ranks = spreadRanks(SPRINTS * CARDS_PER_SPRINT);
const recorded = new Map(
  sprints.map((sp) => [
    sp.id,
    {
      committed: [] as { cardId: string; points: number }[],
      done: [] as { cardId: string; points: number }[],
      notDone: [] as { cardId: string; points: number }[],
    },
  ]),
);
let n = 0;
for (const [s, sprint] of sprints.entries()) {
  const start = sprint.startedAt.getTime();
  const next = sprints[s + 1];
  for (let i = 0; i < CARDS_PER_SPRINT; i++) {
    const id = randomUUID();
    const late = i % 10 === 0;
    const created = start - 2 * DAY + i * 60_000 + (late ? 3 * DAY : 0);
    const estimate = (i % 8) + 1;
    const base = { actorId: user.id, teamId: team.id, boardId: board.id, cardId: id };
    history.push({
      ...base,
      at: new Date(created),
      kind: activityKinds.cardCreated,
      to: { ...place(todo), title: `Card ${n}` },
    });
    history.push({
      ...base,
      at: new Date(created + 1000),
      sprintId: sprint.id,
      kind: activityKinds.cardSprintChanged,
      from: { sprintId: null },
      to: { sprintId: sprint.id },
    });
    if (i % 7 === 0)
      history.push({
        ...base,
        at: new Date(start + 2 * DAY),
        sprintId: sprint.id,
        kind: activityKinds.cardEstimateChanged,
        from: { points: estimate - 1 },
        to: { points: estimate },
      });
    const finished = i % 5 !== 0 && (sprint.state === 'CLOSED' || i % 2 === 0);
    history.push({
      ...base,
      at: new Date(start + ((i % 9) + 1) * DAY * 0.8),
      sprintId: sprint.id,
      kind: activityKinds.cardMoved,
      from: place(todo),
      to: place(doing),
    });
    if (finished)
      history.push({
        ...base,
        at: new Date(start + ((i % 9) + 1.5) * DAY),
        sprintId: sprint.id,
        kind: activityKinds.cardMoved,
        from: place(doing),
        to: place(done),
      });
    const figures = recorded.get(sprint.id)!;
    if (!late) figures.committed.push({ cardId: id, points: estimate - (i % 7 === 0 ? 1 : 0) });
    if (sprint.closedAt) (finished ? figures.done : figures.notDone).push({ cardId: id, points: estimate });
    let sprintId = sprint.id;
    if (!finished && sprint.closedAt && next) {
      recorded.get(next.id)!.committed.push({ cardId: id, points: estimate });
      history.push({
        ...base,
        at: sprint.closedAt,
        sprintId: next.id,
        kind: activityKinds.cardSprintChanged,
        from: { sprintId: sprint.id },
        to: { sprintId: next.id },
      });
      sprintId = next.id;
    }
    cards.push({
      id,
      boardId: board.id,
      columnId: finished ? done!.id : doing!.id,
      rank: ranks[n]!,
      title: `Card ${n++}`,
      estimate,
      sprintId,
      createdAt: new Date(created),
    });
  }
}
// What starting and closing each sprint recorded: the committed cards and, at closing, done and not done.
for (const sprint of sprints) {
  const figures = recorded.get(sprint.id)!;
  const sum = (l: { points: number }[]) => l.reduce((a, c) => a + c.points, 0);
  const base = { actorId: user.id, teamId: team.id, sprintId: sprint.id };
  history.push({
    ...base,
    at: sprint.startedAt,
    kind: activityKinds.sprintStarted,
    to: { committed: figures.committed, points: sum(figures.committed) },
  });
  if (sprint.closedAt) {
    history.push({
      ...base,
      at: sprint.closedAt,
      kind: activityKinds.sprintClosed,
      to: {
        done: figures.done,
        notDone: figures.notDone,
        donePoints: sum(figures.done),
        notDonePoints: sum(figures.notDone),
        goalMet: true,
        carriedOverTo: sprints[sprints.indexOf(sprint) + 1]?.id ?? null,
      },
    });
  }
}
await database.db.card.createMany({ data: cards });
for (let i = 0; i < history.length; i += 5000)
  await database.db.activity.createMany({ data: activityRows(history.slice(i, i + 5000)) });
await database.db.$executeRawUnsafe('ANALYZE');
console.log(`Seeded ${SPRINTS} sprints, ${cards.length} cards and ${history.length} history entries`);

const server = await startServer(database.url, freePort());
try {
  const cookie = await signInCookie(server.url);
  const time = async (path: string) => {
    const started = performance.now();
    const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return performance.now() - started;
  };
  const active = sprints.at(-1)!;
  const paths = { burndown: `/api/sprints/${active.id}/burndown`, velocity: `/api/sprints/velocity?teamId=${team.id}` };
  for (let i = 0; i < 5; i++) for (const p of Object.values(paths)) await time(p); // warm-up
  const times = { burndown: [] as number[], velocity: [] as number[], health: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    times.burndown.push(await time(paths.burndown));
    times.velocity.push(await time(paths.velocity));
    times.health.push(await time('/api/health'));
  }
  for (const list of Object.values(times)) list.sort((a, b) => a - b);
  console.log(
    `${RUNS} fetches each of the active sprint's burndown and the team's velocity (last 8 sprints), beside /api/health`,
  );
  console.log(
    `burndown p50 ${round(percentile(times.burndown, 50))} ms, velocity p50 ${round(percentile(times.velocity, 50))} ms, health p50 ${round(percentile(times.health, 50))} ms`,
  );
  console.log(
    figure('sprint-charts', 'burndown_p95_ms', percentile(times.burndown, 95), 'ms', percentile(times.health, 95)),
  );
  console.log(
    figure('sprint-charts', 'velocity_p95_ms', percentile(times.velocity, 95), 'ms', percentile(times.health, 95)),
  );
} finally {
  await server.stop();
  await database.close();
}
