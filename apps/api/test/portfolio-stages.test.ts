import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseActivityPayload, type ActivityKind } from '@amb/shared/activity';
import { localDay } from '@amb/domain/local-days';
import { activityRows, type ActivityEntry } from '../src/services/activity/record-activity';
import { StageRecounter } from '../src/services/portfolio/stages/stage-recounts';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// The PMO's portfolio stages: adding, renaming, reordering and removing them, mapping columns onto them, what the
// cumulative flow and aging then show, the activity entries each change writes, and refusals.

type Team = Awaited<ReturnType<typeof createTeam>>;
type Flow = { stages: { id: string; name: string }[]; days: { day: string; counts: Record<string, number> }[] };
const at = (iso: string) => new Date(iso);
const march = 'from=2026-03-01&to=2026-03-31';
const onPostgres = Boolean(process.env.DATABASE_URL);

describe('portfolio stages set by the PMO', () => {
  let t: TestContext;
  let team: Team;
  const cookie = {} as Record<'pmo' | 'admin' | 'master', string>;
  const column = (name: string) => team.board.columns.find((c) => c.name === name)!;

  /** A card created in the first column named and moved through the rest at the given times. */
  async function cardWithHistory(title: string, steps: [string, string][]) {
    const [card] = await addCards(t.db, team.board.id, column(steps.at(-1)![0]).id, 1, title);
    const subject = { teamId: team.id, boardId: team.board.id, cardId: card!.id };
    const place = (name: string) => ({
      columnId: column(name).id,
      swimlaneId: null,
      flowCategory: column(name).flowCategory,
    });
    const entries: ActivityEntry[] = steps.map(([name, when], i) =>
      i === 0
        ? { ...subject, at: at(when), kind: 'card.created', to: { ...place(name), title } }
        : { ...subject, at: at(when), kind: 'card.moved', from: place(steps[i - 1]![0]), to: place(name) },
    );
    await t.db.activity.createMany({ data: activityRows(entries) });
    return card!;
  }
  const call = async (
    who: keyof typeof cookie,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => {
    const res = await t.app.inject({ method, url, headers: { cookie: cookie[who] }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  /** The cumulative count per stage name on one day. */
  const flowOn = async (day: string, query = `${march}&teamId=${team.id}`) => {
    const flow = (await call('pmo', 'GET', `/api/dashboard/cumulative-flow?${query}`)).body as Flow;
    const d = flow.days.find((x) => x.day === day)!;
    return Object.fromEntries(flow.stages.map((s) => [s.name, d.counts[s.id]]));
  };
  const stageNamed = async (name: string) =>
    ((await call('pmo', 'GET', '/api/dashboard/stages')).body.stages as { id: string; name: string }[]).find(
      (s) => s.name === name,
    )!;
  /** Reordering and removing recount every team after answering: wait until none is left. */
  const recounted = () =>
    expect
      .poll(async () => (await call('pmo', 'GET', '/api/dashboard/stages')).body.teamsRecounting, { timeout: 60_000 })
      .toBe(0);
  /** The stage rollups as they are, and as a recount of every team from the log makes them. */
  const rollups = async () => {
    const read = async () => ({
      arrivals: await t.db.$queryRaw`SELECT card_id, stage_id, team_id, reached_at FROM card_stage_flow ORDER BY 1, 2`,
      days: await t.db
        .$queryRaw`SELECT team_id, stage_id, day, arrivals FROM stage_day_flow WHERE arrivals > 0 ORDER BY 1, 2, 3`,
    });
    const kept = await read();
    await t.db.$executeRaw`SELECT rebuild_card_stage_flow(NULL)`;
    return { kept, rebuilt: await read() };
  };
  const lastEntry = async (kind: ActivityKind) => {
    const row = await t.db.activity.findFirstOrThrow({ where: { kind }, orderBy: { id: 'desc' } });
    return {
      ...parseActivityPayload({ kind, field: row.field, from: row.from, to: row.to }),
      teamId: row.teamId,
      actorId: row.actorId,
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    const [pmo, admin, master] = await Promise.all([
      createUser(t.db, { orgRole: 'PMO' }),
      createUser(t.db, { orgRole: 'ADMIN' }),
      createUser(t.db),
    ]);
    team = await createTeam(t.db, [{ userId: master.id, role: 'SCRUM_MASTER' }], 'Stage content');
    cookie.pmo = await signIn(t.app, pmo.email);
    cookie.admin = await signIn(t.app, admin.email);
    cookie.master = await signIn(t.app, master.email);
    await cardWithHistory('Through review', [
      ['Backlog', '2026-03-02T09:00:00Z'],
      ['To do', '2026-03-03T09:00:00Z'],
      ['In progress', '2026-03-04T09:00:00Z'],
      ['Review', '2026-03-06T09:00:00Z'],
      ['Done', '2026-03-09T09:00:00Z'],
    ]);
    await cardWithHistory('Skipped review', [
      ['To do', '2026-03-02T09:00:00Z'],
      ['In progress', '2026-03-05T09:00:00Z'],
      ['Done', '2026-03-07T09:00:00Z'],
    ]);
    await cardWithHistory('In review', [
      ['In progress', '2026-03-03T09:00:00Z'],
      ['Review', '2026-03-10T09:00:00Z'],
    ]);
  });
  afterAll(() => t.close());

  it('starts from one stage per flow category', async () => {
    const res = await call('master', 'GET', '/api/dashboard/stages');
    expect(res.status).toBe(200);
    expect(res.body.stages.map((s: { name: string; flowCategory: string }) => [s.name, s.flowCategory])).toEqual([
      ['Backlog', 'BACKLOG'],
      ['To do', 'TODO'],
      ['In progress', 'IN_PROGRESS'],
      ['Done', 'DONE'],
    ]);
    expect(await flowOn('2026-03-08')).toEqual({ Backlog: 3, 'To do': 3, 'In progress': 3, Done: 1 });
  });

  it('adds a stage, maps a column onto it and renames it; cumulative flow and aging follow, each change logged', async () => {
    const added = await call('pmo', 'POST', '/api/dashboard/stages', { name: ' Review ', flowCategory: 'IN_PROGRESS' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'Review', position: 3, flowCategory: 'IN_PROGRESS' });
    expect(await lastEntry('portfolio.stage.created')).toMatchObject({
      to: { stageId: added.body.id, name: 'Review', position: 3, flowCategory: 'IN_PROGRESS' },
    });
    await recounted();
    // Nothing counts in it yet: a card reached it when it reached done.
    expect(await flowOn('2026-03-08')).toEqual({ Backlog: 3, 'To do': 3, 'In progress': 3, Review: 1, Done: 1 });

    const mapped = await call('pmo', 'PUT', `/api/dashboard/columns/${column('Review').id}/stage`, {
      stageId: added.body.id,
    });
    expect(mapped.status).toBe(200);
    expect(mapped.body).toEqual({
      id: column('Review').id,
      name: 'Review',
      flowCategory: 'IN_PROGRESS',
      stageId: added.body.id,
      mapped: true,
    });
    expect(await lastEntry('portfolio.column.mapped')).toMatchObject({
      teamId: team.id,
      from: { columnId: column('Review').id, stageId: null },
      to: { columnId: column('Review').id, stageId: added.body.id },
    });
    // Through review reached it on the 6th, Skipped review on the 7th (by finishing), In review on the 10th.
    expect(await flowOn('2026-03-06')).toEqual({ Backlog: 3, 'To do': 3, 'In progress': 3, Review: 1, Done: 0 });
    expect(await flowOn('2026-03-08')).toEqual({ Backlog: 3, 'To do': 3, 'In progress': 3, Review: 2, Done: 1 });
    expect(await flowOn('2026-03-10')).toEqual({ Backlog: 3, 'To do': 3, 'In progress': 3, Review: 3, Done: 2 });
    // The organisation's chart (every team) counts the same cards.
    expect(await flowOn('2026-03-10', march)).toMatchObject({ Review: 3, Done: 2 });

    const renamed = await call('admin', 'PATCH', `/api/dashboard/stages/${added.body.id}`, { name: 'Approval' });
    expect(renamed.status).toBe(200);
    expect(await lastEntry('portfolio.stage.renamed')).toMatchObject({
      from: { stageId: added.body.id, name: 'Review' },
      to: { stageId: added.body.id, name: 'Approval' },
    });
    expect(await flowOn('2026-03-10')).toMatchObject({ Approval: 3 });

    const aging = await call('pmo', 'GET', `/api/dashboard/teams/${team.id}/aging`);
    expect(aging.body.stages.map((s: { name: string }) => s.name)).toEqual(['In progress', 'Approval']);
    expect(aging.body.cards.map((c: { title: string; stageId: string }) => [c.title, c.stageId])).toEqual([
      ['In review 1', added.body.id],
    ]);

    const mapping = await call('pmo', 'GET', '/api/dashboard/stage-mapping');
    const ours = mapping.body.teams.find((x: { id: string }) => x.id === team.id);
    expect(
      ours.columns.map((c: { name: string; stageId: string; mapped: boolean }) => [
        c.name,
        c.stageId === added.body.id,
        c.mapped,
      ]),
    ).toEqual([
      ['Backlog', false, false],
      ['To do', false, false],
      ['In progress', false, false],
      ['Review', true, true],
      ['Done', false, false],
    ]);
  });

  it('counts cards moved after the mapping in the mapped stage', async () => {
    const [card] = await addCards(t.db, team.board.id, column('In progress').id, 1, 'Moved live');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${card!.id}/move`,
      headers: { cookie: cookie.master },
      payload: { columnId: column('Review').id, afterCardId: null, version: card!.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    const today = localDay(Date.now(), 'UTC');
    expect(await flowOn(today, `from=${today}&to=${today}&teamId=${team.id}`)).toMatchObject({ Approval: 4, Done: 2 });
  });

  it('reorders stages within their flow category only, and recounts', async () => {
    const stages = (await call('pmo', 'GET', '/api/dashboard/stages')).body.stages as { id: string; name: string }[];
    const ids = stages.map((s) => s.id);
    const swapped = [ids[0]!, ids[1]!, ids[3]!, ids[2]!, ids[4]!];
    const res = await call('pmo', 'PUT', '/api/dashboard/stages/order', { stageIds: swapped });
    expect(res.status).toBe(200);
    expect(res.body.stages.map((s: { name: string }) => s.name)).toEqual([
      'Backlog',
      'To do',
      'Approval',
      'In progress',
      'Done',
    ]);
    expect(await lastEntry('portfolio.stages.reordered')).toMatchObject({
      from: { stageIds: ids },
      to: { stageIds: swapped },
    });
    await recounted();
    // Approval is now the first in-progress stage, so the unmapped In progress column counts in it too, and the
    // In progress stage has no column left: a card passes it on its way to done.
    expect(await flowOn('2026-03-06')).toEqual({ Backlog: 3, 'To do': 3, Approval: 3, 'In progress': 0, Done: 0 });
    expect(await flowOn('2026-03-08')).toEqual({ Backlog: 3, 'To do': 3, Approval: 3, 'In progress': 1, Done: 1 });
    const back = await call('pmo', 'PUT', '/api/dashboard/stages/order', { stageIds: ids });
    expect(back.status).toBe(200);
    await recounted();
    expect(await flowOn('2026-03-06')).toMatchObject({ Approval: 1 });

    const wrong = await call('pmo', 'PUT', '/api/dashboard/stages/order', { stageIds: [ids[4]!, ...ids.slice(0, 4)] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].field).toBe('body.stageIds');
    const short = await call('pmo', 'PUT', '/api/dashboard/stages/order', { stageIds: ids.slice(1) });
    expect(short.status).toBe(400);
    expect(short.body.error.fields[0].field).toBe('body.stageIds');
  });

  it('removes a stage: its columns go back to their flow category’s first stage; the last stage of a category stays', async () => {
    const approval = await stageNamed('Approval');
    const res = await call('pmo', 'DELETE', `/api/dashboard/stages/${approval.id}`);
    expect(res.status).toBe(200);
    expect(res.body.stages.map((s: { name: string; position: number }) => [s.name, s.position])).toEqual([
      ['Backlog', 0],
      ['To do', 1],
      ['In progress', 2],
      ['Done', 3],
    ]);
    expect(await lastEntry('portfolio.stage.removed')).toMatchObject({
      from: { stageId: approval.id, name: 'Approval', flowCategory: 'IN_PROGRESS', columnIds: [column('Review').id] },
    });
    expect((await t.db.column.findUniqueOrThrow({ where: { id: column('Review').id } })).portfolioStageId).toBeNull();
    await recounted();
    expect(await flowOn('2026-03-08')).toEqual({ Backlog: 3, 'To do': 3, 'In progress': 3, Done: 1 });

    const done = await stageNamed('Done');
    const last = await call('pmo', 'DELETE', `/api/dashboard/stages/${done.id}`);
    expect(last.status).toBe(409);
    expect(last.body.error.fields[0].field).toBe('params.stageId');
    expect((await call('pmo', 'DELETE', `/api/dashboard/stages/${approval.id}`)).status).toBe(404);
  });

  // A card move locks its column, then writes the rollup (through its activity entry); mapping that column must take
  // the same locks in the same order, or each waits for the other and the database aborts one. The embedded
  // database runs one transaction at a time, so this needs PostgreSQL.
  it.skipIf(!onPostgres)('maps a column while a move into it is in flight, both going through', async () => {
    const [card] = await addCards(t.db, team.board.id, column('In progress').id, 1, 'Racing move');
    const review = column('Review');
    const mover = new pg.Client({ connectionString: t.database.url });
    await mover.connect();
    try {
      await mover.query('BEGIN');
      await mover.query('SELECT 1 FROM columns WHERE id = $1 FOR UPDATE', [review.id]);
      const mapping = call('pmo', 'PUT', `/api/dashboard/columns/${review.id}/stage`, { stageId: null });
      // Wait until the mapping is waiting for a lock.
      for (;;) {
        const { rows } = await mover.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
        );
        if (rows[0].n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await mover.query(
        `INSERT INTO activity (team_id, board_id, card_id, kind, "from", "to") VALUES ($1, $2, $3, 'card.moved', $4, $5)`,
        [
          team.id,
          team.board.id,
          card!.id,
          JSON.stringify({ columnId: column('In progress').id, swimlaneId: null, flowCategory: 'IN_PROGRESS' }),
          JSON.stringify({ columnId: review.id, swimlaneId: null, flowCategory: 'IN_PROGRESS' }),
        ],
      );
      await mover.query('COMMIT');
      expect((await mapping).status).toBe(200);
    } finally {
      await mover.end();
    }
  });

  // Reordering or removing stages recounts every team's arrivals, one team per transaction that locks only that
  // team's columns: while one team is recounted (here held up by a move in flight there), other teams' moves go on.
  it.skipIf(!onPostgres)('recounts team by team after a reorder, while other teams keep moving cards', async () => {
    const mover = await createUser(t.db);
    const other = await createTeam(t.db, [{ userId: mover.id, role: 'MEMBER' }], 'Stage other team');
    const moverCookie = await signIn(t.app, mover.email);
    const [card] = await addCards(t.db, other.board.id, other.board.columns[0]!.id, 1, 'Moves meanwhile');
    const checks = await call('pmo', 'POST', '/api/dashboard/stages', { name: 'Checks', flowCategory: 'IN_PROGRESS' });
    await recounted();
    const held = new pg.Client({ connectionString: t.database.url });
    await held.connect();
    try {
      await held.query('BEGIN');
      await held.query('SELECT 1 FROM columns WHERE id = $1 FOR UPDATE', [column('Review').id]);
      const ids = ((await call('pmo', 'GET', '/api/dashboard/stages')).body.stages as { id: string }[]).map(
        (s) => s.id,
      );
      const swapped = [ids[0]!, ids[1]!, ids[3]!, ids[2]!, ids[4]!];
      expect(ids[3]).toBe(checks.body.id);
      expect((await call('pmo', 'PUT', '/api/dashboard/stages/order', { stageIds: swapped })).status).toBe(200);
      // The recount reaches our team and waits for the move in flight there.
      await expect
        .poll(
          async () =>
            (
              await held.query(
                "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
              )
            ).rows[0].n,
          { timeout: 60_000 },
        )
        .toBeGreaterThan(0);
      const moved = await t.app.inject({
        method: 'POST',
        url: `/api/cards/${card!.id}/move`,
        headers: { cookie: moverCookie },
        payload: { columnId: other.board.columns[1]!.id, afterCardId: null, version: card!.version },
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect((await call('pmo', 'GET', '/api/dashboard/stages')).body.teamsRecounting).toBeGreaterThan(0);
      await held.query('COMMIT');
      await recounted();
      const { kept, rebuilt } = await rollups();
      expect(kept).toEqual(rebuilt);
      expect((await call('pmo', 'DELETE', `/api/dashboard/stages/${checks.body.id}`)).status).toBe(200);
      await recounted();
    } finally {
      await held.end();
    }
  });

  it('recounts, as an API process starts, what a stopped one left waiting', async () => {
    await t.db.$executeRaw`DELETE FROM card_stage_flow WHERE team_id = ${team.id}`;
    await t.db.$executeRaw`INSERT INTO stage_recounts (team_id, requested_at) VALUES (${team.id}, now())`;
    const recounter = new StageRecounter(t.db, t.app.log);
    recounter.start();
    try {
      await recounted();
    } finally {
      await recounter.close();
    }
    const { kept, rebuilt } = await rollups();
    expect(kept).toEqual(rebuilt);
    expect(await flowOn('2026-03-08')).toEqual({ Backlog: 3, 'To do': 3, 'In progress': 3, Done: 1 });
  });

  describe('refusals', () => {
    const cases: [
      string,
      'POST' | 'PUT' | 'PATCH',
      string | (() => Promise<string>),
      object | (() => Promise<object>),
      number,
      string,
    ][] = [
      ['an empty name', 'POST', '/api/dashboard/stages', { name: '  ', flowCategory: 'TODO' }, 400, 'body.name'],
      [
        'an unknown flow category',
        'POST',
        '/api/dashboard/stages',
        { name: 'Later', flowCategory: 'LATER' },
        400,
        'body.flowCategory',
      ],
      [
        'a name already taken',
        'POST',
        '/api/dashboard/stages',
        { name: 'Done', flowCategory: 'DONE' },
        409,
        'body.name',
      ],
      [
        'a stage id that is not an id',
        'PUT',
        async () => `/api/dashboard/columns/${column('Review').id}/stage`,
        { stageId: 'review' },
        400,
        'body.stageId',
      ],
      [
        'a stage that does not exist',
        'PUT',
        async () => `/api/dashboard/columns/${column('Review').id}/stage`,
        { stageId: '7a4f0d8e-1c54-4d7b-9a35-0b5c2e9f6d11' },
        400,
        'body.stageId',
      ],
      [
        'a stage of another flow category',
        'PUT',
        async () => `/api/dashboard/columns/${column('Review').id}/stage`,
        async () => ({ stageId: (await stageNamed('Done')).id }),
        400,
        'body.stageId',
      ],
      [
        'a rename to an empty name',
        'PATCH',
        async () => `/api/dashboard/stages/${(await stageNamed('Done')).id}`,
        { name: '' },
        400,
        'body.name',
      ],
    ];
    for (const [what, method, url, body, status, field] of cases) {
      it(`refuses ${what} naming ${field}`, async () => {
        const res = await call(
          'pmo',
          method,
          typeof url === 'string' ? url : await url(),
          typeof body === 'function' ? await body() : body,
        );
        expect(res.status).toBe(status);
        expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
      });
    }

    it('lets only the PMO and admins change stages, and leaves the stages as they were', async () => {
      const before = (await call('pmo', 'GET', '/api/dashboard/stages')).body;
      expect(
        (await call('master', 'POST', '/api/dashboard/stages', { name: 'Sneaky', flowCategory: 'TODO' })).status,
      ).toBe(403);
      expect(
        (await call('master', 'PUT', `/api/dashboard/columns/${column('Review').id}/stage`, { stageId: null })).status,
      ).toBe(403);
      expect((await call('pmo', 'GET', '/api/dashboard/stages')).body).toEqual(before);
    });
  });
});
