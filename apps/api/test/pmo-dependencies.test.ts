import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDay } from '@amb/domain/local-days';
import { activityRows, type ActivityEntry } from '../src/services/activity/record-activity';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// The PMO's dependencies between teams (who sees which link, which are at risk, the graph's edges) and principle
// coverage (finished cards per principle and bucket, neglected principles, experiments by result).

type Team = Awaited<ReturnType<typeof createTeam>>;
type Who = 'pmo' | 'admin' | 'marketer' | 'bridge' | 'outsider';

describe('PMO dependencies and principle coverage', () => {
  let t: TestContext;
  let marketing: Team;
  let development: Team;
  let legal: Team;
  const cookie = {} as Record<Who, string>;
  const today = localDay(Date.now(), 'UTC');
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  const column = (team: Team, category: string) => team.board.columns.find((c) => c.flowCategory === category)!;
  const card = async (
    team: Team,
    title: string,
    category = 'IN_PROGRESS',
    data: { dueDate?: Date; sprintId?: string } = {},
  ) => {
    const [c] = await addCards(t.db, team.board.id, column(team, category).id, 1, title);
    return t.db.card.update({ where: { id: c!.id }, data: { title, ...data } });
  };
  const link = (fromCardId: string, toCardId: string, kind: 'DEPENDS_ON' | 'BLOCKS' | 'RELATES') =>
    t.db.cardLink.create({ data: { fromCardId, toCardId, kind } });
  const get = async (who: Who, url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: cookie[who] } });
    return { status: res.statusCode, body: res.json() };
  };
  const titles = (body: { dependencies: { waiting: { title: string }; on: { title: string } }[] }) =>
    body.dependencies.map((d) => `${d.waiting.title} → ${d.on.title}`).sort();

  beforeAll(async () => {
    t = await startTestApp();
    const [pmo, admin, marketer, bridge, outsider] = await Promise.all([
      createUser(t.db, { orgRole: 'PMO' }),
      createUser(t.db, { orgRole: 'ADMIN' }),
      createUser(t.db),
      createUser(t.db),
      createUser(t.db),
    ]);
    marketing = await createTeam(
      t.db,
      [
        { userId: marketer.id, role: 'MEMBER' },
        { userId: bridge.id, role: 'VIEWER' },
      ],
      'Brand marketing',
    );
    development = await createTeam(t.db, [{ userId: bridge.id, role: 'MEMBER' }], 'Web development');
    legal = await createTeam(t.db, [], 'Legal review');
    await createTeam(t.db, [{ userId: outsider.id, role: 'SCRUM_MASTER' }], 'Events');
    for (const [who, user] of Object.entries({ pmo, admin, marketer, bridge, outsider }))
      cookie[who as Who] = await signIn(t.app, user.email);

    const sprint = await t.db.sprint.create({
      data: {
        teamId: marketing.id,
        name: 'Sprint 4',
        startDate: day(addDays(today, -7)),
        endDate: day(addDays(today, 30)),
        state: 'ACTIVE',
      },
    });
    // Marketing waits on development: due tomorrow (at risk), due long ago (at risk), in a sprint ending in 30 days (not).
    const landing = await card(marketing, 'Launch landing page', 'IN_PROGRESS', { dueDate: day(addDays(today, 1)) });
    const template = await card(development, 'Page template');
    await link(landing.id, template.id, 'DEPENDS_ON');
    await link(template.id, landing.id, 'BLOCKS'); // the same wait, recorded from the other card: counted once
    const overdue = await card(marketing, 'Spring newsletter', 'TODO', { dueDate: day(addDays(today, -3)) });
    const tracking = await card(development, 'Tracking pixel');
    await link(tracking.id, overdue.id, 'BLOCKS');
    const webinar = await card(marketing, 'Webinar invite', 'TODO', { sprintId: sprint.id });
    const signup = await card(development, 'Webinar sign-up form');
    await link(webinar.id, signup.id, 'DEPENDS_ON');
    // Development waits on marketing, no date.
    const api = await card(development, 'Pricing API');
    const copy = await card(marketing, 'Pricing copy', 'BACKLOG');
    await link(api.id, copy.id, 'DEPENDS_ON');
    // Marketing waits on legal, which only the PMO and admins can read with marketing.
    const claims = await card(marketing, 'Ad claims', 'TODO', { dueDate: day(addDays(today, 2)) });
    const approval = await card(legal, 'Claims approval');
    await link(claims.id, approval.id, 'DEPENDS_ON');
    // Not open dependencies: on a done card, from a done card, archived, relates, within one team.
    const shipped = await card(development, 'Shipped form', 'DONE');
    await link((await card(marketing, 'Waits on shipped')).id, shipped.id, 'DEPENDS_ON');
    await link(
      (await card(marketing, 'Already out', 'DONE')).id,
      (await card(development, 'Old ticket')).id,
      'DEPENDS_ON',
    );
    const archived = await card(development, 'Dropped idea');
    await link((await card(marketing, 'Waits on dropped')).id, archived.id, 'DEPENDS_ON');
    await t.db.card.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    await link((await card(marketing, 'Related post')).id, (await card(development, 'Related ticket')).id, 'RELATES');
    await link((await card(marketing, 'Own draft')).id, (await card(marketing, 'Own review')).id, 'DEPENDS_ON');
  });
  afterAll(() => t.close());

  describe('dependencies', () => {
    it('lists open cross-team waits to the PMO and admins, at-risk first', async () => {
      for (const who of ['pmo', 'admin'] as const) {
        const { status, body } = await get(who, '/api/dashboard/dependencies');
        expect(status).toBe(200);
        expect(titles(body)).toEqual([
          'Ad claims → Claims approval',
          'Launch landing page → Page template',
          'Pricing API → Pricing copy',
          'Spring newsletter → Tracking pixel',
          'Webinar invite → Webinar sign-up form',
        ]);
        expect(body.total).toBe(5);
        expect(body.dependencies.slice(0, 3).map((d: { atRisk: boolean }) => d.atRisk)).toEqual([true, true, true]);
        expect(body.dependencies[0].waiting.title).toBe('Spring newsletter'); // the earliest deadline, already past
        expect(body.dependencies[0].workingDaysLeft).toBeLessThan(0);
      }
    });

    it('reads the deadline from the due date or the open sprint’s end', async () => {
      const { body } = await get('pmo', '/api/dashboard/dependencies');
      const byTitle = new Map(body.dependencies.map((d: { waiting: { title: string } }) => [d.waiting.title, d]));
      expect(byTitle.get('Launch landing page')).toMatchObject({
        deadline: addDays(today, 1),
        atRisk: true,
        kind: 'DEPENDS_ON',
      });
      expect(byTitle.get('Webinar invite')).toMatchObject({
        deadline: addDays(today, 30),
        atRisk: false,
        waiting: { sprint: { name: 'Sprint 4', endDate: addDays(today, 30) } },
      });
      expect(byTitle.get('Pricing API')).toMatchObject({
        deadline: null,
        workingDaysLeft: null,
        atRisk: false,
        waiting: { teamName: 'Web development' },
        on: { teamName: 'Brand marketing', columnName: 'Backlog' },
      });
      expect(byTitle.get('Spring newsletter')).toMatchObject({ kind: 'BLOCKS', on: { title: 'Tracking pixel' } });
    });

    it('shows a link only to those who may read both teams', async () => {
      expect(titles((await get('bridge', '/api/dashboard/dependencies')).body)).toEqual([
        'Launch landing page → Page template',
        'Pricing API → Pricing copy',
        'Spring newsletter → Tracking pixel',
        'Webinar invite → Webinar sign-up form',
      ]);
      // A member of marketing alone reads no other team: no link at all, not even that one exists.
      const marketer = await get('marketer', '/api/dashboard/dependencies');
      expect(marketer.body).toMatchObject({ total: 0, dependencies: [] });
      expect((await get('marketer', '/api/dashboard/dependencies/graph')).body).toMatchObject({ teams: [], edges: [] });
      expect((await get('outsider', '/api/dashboard/dependencies')).body.total).toBe(0);
      const graph = (await get('bridge', '/api/dashboard/dependencies/graph')).body;
      expect(JSON.stringify(graph)).not.toContain(legal.id);
      // Naming a team they cannot read is "not found", as for one that does not exist.
      expect((await get('marketer', `/api/dashboard/dependencies?waiting=${development.id}`)).status).toBe(404);
      expect((await get('marketer', `/api/dashboard/dependencies?teams=${legal.id}`)).status).toBe(404);
      expect((await get('bridge', `/api/dashboard/dependencies/graph?teams=${legal.id}`)).status).toBe(404);
    });

    it('draws one edge per waiting team and team waited on, counting links and those at risk', async () => {
      const { body } = await get('pmo', '/api/dashboard/dependencies/graph');
      expect(body.teams.map((x: { name: string }) => x.name).sort()).toEqual([
        'Brand marketing',
        'Legal review',
        'Web development',
      ]);
      const edge = (waiting: Team, on: Team) =>
        body.edges.find((e: { waiting: string; on: string }) => e.waiting === waiting.id && e.on === on.id);
      expect(edge(marketing, development)).toMatchObject({ links: 3, atRisk: 2 });
      expect(edge(development, marketing)).toMatchObject({ links: 1, atRisk: 0 });
      expect(edge(marketing, legal)).toMatchObject({ links: 1, atRisk: 1 });
      expect(body.edges).toHaveLength(3);
      expect(body.nearUntil > today).toBe(true);
    });

    it('filters the list to one edge, and to those at risk', async () => {
      const pair = (
        await get('pmo', `/api/dashboard/dependencies?waiting=${marketing.id}&on=${development.id}&atRisk=true`)
      ).body;
      expect(titles(pair)).toEqual(['Launch landing page → Page template', 'Spring newsletter → Tracking pixel']);
      const calm = (await get('pmo', `/api/dashboard/dependencies?atRisk=false`)).body;
      expect(titles(calm)).toEqual(['Pricing API → Pricing copy', 'Webinar invite → Webinar sign-up form']);
      const legalOnly = (await get('pmo', `/api/dashboard/dependencies?teams=${legal.id}`)).body;
      expect(titles(legalOnly)).toEqual(['Ad claims → Claims approval']);
    });
  });

  describe('principle coverage', () => {
    const march = 'from=2026-03-01&to=2026-03-31&tz=UTC';
    let principles: { id: string; key: string }[];

    beforeAll(async () => {
      principles = await t.db.principle.findMany({ orderBy: { position: 'asc' } });
      const experiment = principles.find((p) => p.key === 'small-experiments')!;
      const customer = principles.find((p) => p.key === 'customer-focus')!;
      /** A card created on `created` and finished on `done` (or still in progress), tagged with principles. */
      const finished = async (
        team: Team,
        title: string,
        created: string,
        done: string | null,
        tags: string[],
        extra: {
          estimate?: number;
          type?: 'EXPERIMENT';
          experimentResult?: 'VALIDATED' | 'INVALIDATED' | 'INCONCLUSIVE';
        } = {},
      ) => {
        const c = await card(team, title, done ? 'DONE' : 'IN_PROGRESS');
        await t.db.card.update({
          where: { id: c.id },
          data: { ...extra, principles: { create: tags.map((principleId) => ({ principleId })) } },
        });
        const subject = { teamId: team.id, boardId: team.board.id, cardId: c.id };
        const start = done ? 'TODO' : 'IN_PROGRESS';
        const entries: ActivityEntry[] = [
          {
            ...subject,
            at: new Date(`${created}T09:00:00Z`),
            kind: 'card.created',
            to: { columnId: column(team, start).id, swimlaneId: null, flowCategory: start, title },
          },
        ];
        if (done)
          entries.push({
            ...subject,
            at: new Date(`${done}T15:00:00Z`),
            kind: 'card.moved',
            from: { columnId: column(team, 'TODO').id, swimlaneId: null, flowCategory: 'TODO' },
            to: { columnId: column(team, 'DONE').id, swimlaneId: null, flowCategory: 'DONE' },
          });
        await t.db.activity.createMany({ data: activityRows(entries) });
      };
      // 2026-03-02 and 2026-03-09 are Mondays.
      await finished(marketing, 'A/B subject lines', '2026-02-20', '2026-03-03', [experiment.id], {
        estimate: 3,
        type: 'EXPERIMENT',
        experimentResult: 'VALIDATED',
      });
      await finished(marketing, 'Price page test', '2026-02-20', '2026-03-10', [experiment.id, customer.id], {
        estimate: 5,
        type: 'EXPERIMENT',
        experimentResult: 'INVALIDATED',
      });
      await finished(marketing, 'Hero video test', '2026-02-20', '2026-03-30', [experiment.id], { type: 'EXPERIMENT' });
      await finished(marketing, 'Untagged flyer', '2026-02-20', '2026-03-11', [], { estimate: 2 });
      await finished(marketing, 'Before March', '2026-01-10', '2026-02-27', [customer.id], { estimate: 8 });
      await finished(development, 'Checkout survey', '2026-02-20', '2026-03-02', [customer.id], { estimate: 1 });
      await finished(marketing, 'Running test', '2026-03-20', null, [experiment.id], { type: 'EXPERIMENT' });
    });

    it('counts cards and points finished per team, principle and week', async () => {
      const { status, body } = await get(
        'pmo',
        `/api/dashboard/principle-coverage?${march}&teams=${marketing.id},${development.id}`,
      );
      expect(status).toBe(200);
      expect(body.buckets).toEqual([
        '2026-03-01',
        '2026-03-02',
        '2026-03-09',
        '2026-03-16',
        '2026-03-23',
        '2026-03-30',
      ]);
      expect(body.principles).toHaveLength(7);
      const key = (id: string | null) => principles.find((p) => p.id === id)?.key ?? 'none';
      const team = (id: string) => (id === marketing.id ? 'marketing' : 'development');
      const cells = body.cells
        .map(
          (c: { teamId: string; principleId: string | null; bucket: number; cards: number; points: number }) =>
            `${team(c.teamId)} ${key(c.principleId)} w${c.bucket}: ${c.cards} cards ${c.points} pt`,
        )
        .sort();
      expect(cells).toEqual([
        'development customer-focus w1: 1 cards 1 pt',
        'marketing customer-focus w2: 1 cards 5 pt',
        'marketing none w2: 1 cards 2 pt',
        'marketing small-experiments w1: 1 cards 3 pt',
        'marketing small-experiments w2: 1 cards 5 pt',
        'marketing small-experiments w5: 1 cards 0 pt',
      ]);
    });

    it('buckets by month, in the chosen time zone', async () => {
      const { body } = await get(
        'pmo',
        `/api/dashboard/principle-coverage?from=2026-02-01&to=2026-03-31&tz=Pacific/Auckland&bucket=month&teams=${development.id}`,
      );
      expect(body.buckets).toEqual(['2026-02-01', '2026-03-01']);
      // Finished 15:00 UTC on 2 March, which is already 3 March in Auckland: still March.
      expect(body.cells).toMatchObject([{ bucket: 1, cards: 1, points: 1 }]);
    });

    it('names the principles nobody worked on lately', async () => {
      const { body } = await get(
        'pmo',
        `/api/dashboard/principle-coverage?${march}&teams=${marketing.id},${development.id}`,
      );
      expect(body.recent.from).toBe('2026-03-04');
      const byKey = new Map(
        body.recent.principles.map((r: { principleId: string }) => [
          principles.find((p) => p.id === r.principleId)!.key,
          r,
        ]),
      );
      expect(byKey.get('small-experiments')).toMatchObject({
        finishedRecently: 2,
        inProgressNow: 1,
        lastFinishedOn: '2026-03-30',
        neglected: false,
      });
      expect(byKey.get('customer-focus')).toMatchObject({
        finishedRecently: 1,
        lastFinishedOn: '2026-03-10',
        neglected: false,
      });
      expect(byKey.get('self-organised-teams')).toMatchObject({
        finishedRecently: 0,
        inProgressNow: 0,
        lastFinishedOn: null,
        neglected: true,
      });
    });

    it('counts experiments by result per team', async () => {
      const { body } = await get('pmo', `/api/dashboard/principle-coverage?${march}`);
      expect(body.experiments).toEqual([
        { teamId: marketing.id, validated: 1, invalidated: 1, inconclusive: 0, noResult: 1, running: 1 },
      ]);
    });

    it('covers only the teams someone may read', async () => {
      const { body } = await get('marketer', `/api/dashboard/principle-coverage?${march}`);
      expect(body.teams.map((x: { id: string }) => x.id)).toEqual([marketing.id]);
      expect(body.cells.every((c: { teamId: string }) => c.teamId === marketing.id)).toBe(true);
      expect((await get('marketer', `/api/dashboard/principle-coverage?${march}&teams=${development.id}`)).status).toBe(
        404,
      );
    });

    // Last: it edits two finished cards. The rollup keeps estimate and principles; edits must reach it.
    it('follows a finished card’s later estimate and principle changes', async () => {
      const experiment = principles.find((p) => p.key === 'small-experiments')!;
      const customer = principles.find((p) => p.key === 'customer-focus')!;
      const edit = async (title: string, body: { estimate?: number; principleIds: string[] }) => {
        const c = await t.db.card.findFirstOrThrow({ where: { title } });
        const res = await t.app.inject({
          method: 'PATCH',
          url: `/api/cards/${c.id}`,
          headers: { cookie: cookie.marketer },
          payload: { version: c.version, ...body },
        });
        expect(res.statusCode).toBe(200);
      };
      await edit('Untagged flyer', { estimate: 4, principleIds: [customer.id] });
      await edit('Price page test', { principleIds: [experiment.id] });
      const { body } = await get('pmo', `/api/dashboard/principle-coverage?${march}&teams=${marketing.id}`);
      const key = (id: string | null) => principles.find((p) => p.id === id)?.key ?? 'none';
      const cells = body.cells
        .map(
          (c: { principleId: string | null; bucket: number; cards: number; points: number }) =>
            `${key(c.principleId)} w${c.bucket}: ${c.cards} cards ${c.points} pt`,
        )
        .sort();
      // Rebuilding the rollup from the log and the cards gives the same answer.
      await t.db.$executeRaw`SELECT rebuild_card_flow()`;
      expect((await get('pmo', `/api/dashboard/principle-coverage?${march}&teams=${marketing.id}`)).body).toEqual(body);
      expect(cells).toEqual([
        'customer-focus w2: 1 cards 4 pt',
        'small-experiments w1: 1 cards 3 pt',
        'small-experiments w2: 1 cards 5 pt',
        'small-experiments w5: 1 cards 0 pt',
      ]);
      const byKey = new Map(body.recent.principles.map((r: { principleId: string }) => [key(r.principleId), r]));
      expect(byKey.get('customer-focus')).toMatchObject({ finishedRecently: 1, lastFinishedOn: '2026-03-11' });
    });
  });

  describe('bad filters', () => {
    const cases: [string, string][] = [
      ['/api/dashboard/dependencies?atRisk=maybe', 'querystring.atRisk'],
      ['/api/dashboard/dependencies?waiting=not-an-id', 'querystring.waiting'],
      ['/api/dashboard/dependencies?on=42', 'querystring.on'],
      ['/api/dashboard/dependencies?teams=nope', 'querystring.teams'],
      ['/api/dashboard/dependencies?tz=Mars/Olympus', 'querystring.tz'],
      ['/api/dashboard/dependencies/graph?teams=nope', 'querystring.teams'],
      ['/api/dashboard/principle-coverage?from=2026-03-31&to=2026-03-01', 'querystring.to'],
      ['/api/dashboard/principle-coverage?from=2025-01-01&to=2026-03-01', 'querystring.to'],
      ['/api/dashboard/principle-coverage?to=2026-03-01', 'querystring.from'],
      ['/api/dashboard/principle-coverage?from=2026-03-01&to=2026-03-31&bucket=day', 'querystring.bucket'],
      ['/api/dashboard/principle-coverage?from=2026-03-01&to=2026-03-31&teams=x', 'querystring.teams'],
    ];
    for (const [url, field] of cases) {
      it(`refuses ${url} naming ${field}`, async () => {
        const res = await get('pmo', url);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
        expect(res.body.error.fields.map((f: { field: string }) => f.field.replace(/\.\d+$/, ''))).toContain(field);
      });
    }

    it('answers "not found" for a pair naming a team that does not exist', async () => {
      const res = await get('pmo', '/api/dashboard/dependencies?on=00000000-0000-4000-8000-000000000000');
      expect(res.status).toBe(404);
      expect(res.body.error.fields).toEqual([{ field: 'querystring.on', message: 'is not a team you can see' }]);
    });
  });
});
