import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cumulativeFlow, firstArrivals, percentile } from '@amb/domain/flow-metrics';
import { addDays, daysInRange, localDay } from '@amb/domain/local-days';
import { activityRows, type ActivityEntry } from '../src/services/activity/record-activity';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// The PMO's figures, computed in the database from the activity log, checked against the pure definitions in
// packages/domain on the same history; who sees which team; and refusals of bad filters.

type Team = Awaited<ReturnType<typeof createTeam>>;
type Stage = 'BACKLOG' | 'TODO' | 'IN_PROGRESS' | 'DONE';
const at = (iso: string) => new Date(iso);
/** Cumulative flow by the default stages, one per flow category, keyed by category as the domain computes it. */
const byCategory = (flow: {
  stages: { id: string; flowCategory: Stage }[];
  days: { day: string; counts: Record<string, number> }[];
}) =>
  flow.days.map((d) => ({
    day: d.day,
    ...Object.fromEntries(flow.stages.map((s) => [s.flowCategory, d.counts[s.id]])),
  }));

describe('PMO portfolio and flow analytics', () => {
  let t: TestContext;
  let teamA: Team;
  let teamB: Team;
  const cookie = {} as Record<'pmo' | 'member' | 'outsider', string>;
  /** Every placement written, per card, for the domain's own computation. */
  const placements = new Map<string, { at: number; stage: Stage }[]>();

  const column = (team: Team, stage: Stage, nth = 0) =>
    team.board.columns.filter((c) => c.flowCategory === stage)[nth]!;
  /** A card with a history: created in its first place, then moved through the rest at the given times. */
  async function cardWithHistory(
    team: Team,
    title: string,
    steps: { at: Date; stage: Stage; nth?: number }[],
    extra: ActivityEntry[] = [],
  ) {
    const last = steps[steps.length - 1]!;
    const [card] = await addCards(t.db, team.board.id, column(team, last.stage, last.nth).id, 1, title);
    const subject = { teamId: team.id, boardId: team.board.id, cardId: card!.id };
    const entries: ActivityEntry[] = steps.map((s, i) => {
      const place = { columnId: column(team, s.stage, s.nth).id, swimlaneId: null, flowCategory: s.stage };
      if (i === 0) return { ...subject, at: s.at, kind: 'card.created', to: { ...place, title } };
      const before = steps[i - 1]!;
      return {
        ...subject,
        at: s.at,
        kind: 'card.moved',
        from: { columnId: column(team, before.stage, before.nth).id, swimlaneId: null, flowCategory: before.stage },
        to: place,
      };
    });
    await t.db.activity.createMany({
      data: activityRows([...entries, ...extra.map((e) => ({ ...e, ...subject }) as ActivityEntry)]),
    });
    placements.set(
      card!.id,
      steps.map((s) => ({ at: s.at.getTime(), stage: s.stage })),
    );
    return card!;
  }
  const get = async (who: keyof typeof cookie, url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: cookie[who] } });
    return { status: res.statusCode, body: res.json() };
  };

  beforeAll(async () => {
    t = await startTestApp();
    const [pmo, member, outsider] = await Promise.all([
      createUser(t.db, { orgRole: 'PMO' }),
      createUser(t.db),
      createUser(t.db),
    ]);
    teamA = await createTeam(t.db, [{ userId: member.id, role: 'MEMBER' }], 'Alpha content');
    teamB = await createTeam(t.db, [{ userId: outsider.id, role: 'SCRUM_MASTER' }], 'Beta growth');
    cookie.pmo = await signIn(t.app, pmo.email);
    cookie.member = await signIn(t.app, member.email);
    cookie.outsider = await signIn(t.app, outsider.email);

    // Team A in March 2026: five finished cards (one moved back and forth), one in progress, one waiting.
    await cardWithHistory(teamA, 'Newsletter', [
      { at: at('2026-03-02T09:00:00Z'), stage: 'BACKLOG' },
      { at: at('2026-03-03T09:00:00Z'), stage: 'TODO' },
      { at: at('2026-03-04T09:00:00Z'), stage: 'IN_PROGRESS' },
      { at: at('2026-03-05T09:00:00Z'), stage: 'TODO' },
      { at: at('2026-03-06T09:00:00Z'), stage: 'IN_PROGRESS', nth: 1 },
      { at: at('2026-03-09T09:00:00Z'), stage: 'DONE' },
      { at: at('2026-03-10T09:00:00Z'), stage: 'IN_PROGRESS' },
      { at: at('2026-03-11T09:00:00Z'), stage: 'DONE' },
    ]);
    await cardWithHistory(
      teamA,
      'Landing page',
      [
        { at: at('2026-03-02T10:00:00Z'), stage: 'TODO' },
        { at: at('2026-03-10T08:00:00Z'), stage: 'IN_PROGRESS' },
        { at: at('2026-03-10T20:00:00Z'), stage: 'DONE' },
      ],
      [
        {
          at: at('2026-03-10T10:00:00Z'),
          kind: 'card.blocked',
          to: { reason: 'Legal review', category: 'legal_compliance' },
        },
        {
          at: at('2026-03-10T16:00:00Z'),
          kind: 'card.unblocked',
          from: { reason: 'Legal review', category: 'legal_compliance' },
        },
      ],
    );
    // Finished at 23:30 UTC on 12 March: the 13th in Berlin.
    await cardWithHistory(teamA, 'Late finisher', [
      { at: at('2026-03-12T08:00:00Z'), stage: 'TODO' },
      { at: at('2026-03-12T09:00:00Z'), stage: 'IN_PROGRESS' },
      { at: at('2026-03-12T23:30:00Z'), stage: 'DONE' },
    ]);
    await cardWithHistory(teamA, 'Straight to done', [
      { at: at('2026-03-16T08:00:00Z'), stage: 'TODO' },
      { at: at('2026-03-20T08:00:00Z'), stage: 'DONE' },
    ]);
    await cardWithHistory(teamA, 'Webinar', [
      { at: at('2026-02-20T08:00:00Z'), stage: 'BACKLOG' },
      { at: at('2026-02-25T08:00:00Z'), stage: 'IN_PROGRESS' },
      { at: at('2026-03-24T08:00:00Z'), stage: 'DONE' },
    ]);
    await cardWithHistory(teamA, 'Video script', [
      { at: at('2026-03-18T08:00:00Z'), stage: 'TODO' },
      { at: at('2026-03-19T08:00:00Z'), stage: 'IN_PROGRESS' },
    ]);
    await cardWithHistory(teamA, 'Case study', [{ at: at('2026-03-25T08:00:00Z'), stage: 'TODO' }]);
    // Team B: one finished card, for the organisation's view.
    await cardWithHistory(teamB, 'Paid social', [
      { at: at('2026-03-03T08:00:00Z'), stage: 'TODO' },
      { at: at('2026-03-04T08:00:00Z'), stage: 'IN_PROGRESS' },
      { at: at('2026-03-06T08:00:00Z'), stage: 'DONE' },
    ]);
    // Team A's "In progress" column over its limit twice in March (one breach still open), once in February.
    const inProgress = column(teamA, 'IN_PROGRESS').id;
    await t.db.wipBreach.createMany({
      data: [
        {
          boardId: teamA.board.id,
          columnId: inProgress,
          limit: 5,
          peakCount: 6,
          startedAt: at('2026-02-10T00:00:00Z'),
          endedAt: at('2026-02-11T00:00:00Z'),
        },
        {
          boardId: teamA.board.id,
          columnId: inProgress,
          limit: 5,
          peakCount: 6,
          startedAt: at('2026-03-31T20:00:00Z'),
          endedAt: at('2026-04-01T10:00:00Z'),
        },
        {
          boardId: teamA.board.id,
          columnId: inProgress,
          limit: 5,
          peakCount: 7,
          startedAt: at('2026-03-05T06:00:00Z'),
          endedAt: at('2026-03-05T12:30:00Z'),
        },
      ],
    });
  });
  afterAll(() => t.close());

  const march = 'from=2026-03-01&to=2026-03-31';

  describe('who sees what', () => {
    it('shows the PMO every team and a member only their own', async () => {
      const pmo = await get('pmo', `/api/dashboard/overview?${march}`);
      expect(pmo.status).toBe(200);
      expect(pmo.body.teams.map((x: { name: string }) => x.name)).toEqual(['Alpha content', 'Beta growth']);
      const member = await get('member', `/api/dashboard/overview?${march}`);
      expect(member.body.teams.map((x: { id: string }) => x.id)).toEqual([teamA.id]);
    });

    it('answers "not found" for a team someone cannot see, and for one that does not exist', async () => {
      for (const url of [
        `/api/dashboard/overview?${march}&teams=${teamB.id}`,
        `/api/dashboard/cumulative-flow?${march}&teamId=${teamB.id}`,
        `/api/dashboard/teams/${teamB.id}/cycle-time?${march}`,
        `/api/dashboard/teams/${teamB.id}/flow?${march}`,
        `/api/dashboard/teams/${teamB.id}/aging`,
        `/api/dashboard/teams/${teamB.id}/forecast?cards=3`,
      ]) {
        const res = await get('member', url);
        expect(res.status, url).toBe(404);
        expect(res.body.error.code).toBe('NOT_FOUND');
      }
      const unknown = await get(
        'pmo',
        `/api/dashboard/overview?${march}&teams=${teamA.id},00000000-0000-4000-8000-000000000000`,
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.fields[0].field).toBe('querystring.teams');
    });

    it('narrows the overview to the teams asked for', async () => {
      const res = await get('pmo', `/api/dashboard/overview?${march}&teams=${teamB.id}`);
      expect(res.body.teams.map((x: { id: string }) => x.id)).toEqual([teamB.id]);
    });
  });

  describe('bad filters', () => {
    const cases: [string, string][] = [
      ['/api/dashboard/overview?from=2026-03-31&to=2026-03-01', 'querystring.to'],
      ['/api/dashboard/overview?from=2025-01-01&to=2026-03-01', 'querystring.to'],
      ['/api/dashboard/overview?from=2026-02-30&to=2026-03-01', 'querystring.from'],
      ['/api/dashboard/overview?to=2026-03-01', 'querystring.from'],
      [`/api/dashboard/overview?${march}&tz=Mars/Olympus`, 'querystring.tz'],
      [`/api/dashboard/overview?${march}&teams=not-an-id`, 'querystring.teams'],
      ['/api/dashboard/cumulative-flow?from=2026-03-31&to=2026-03-01', 'querystring.to'],
      [`/api/dashboard/cumulative-flow?${march}&teamId=nope`, 'querystring.teamId'],
      ['/api/dashboard/teams/TEAM/cycle-time?from=2026-03-31&to=2026-03-30', 'querystring.to'],
      ['/api/dashboard/teams/TEAM/flow?from=2020-01-01&to=2026-03-30', 'querystring.to'],
      ['/api/dashboard/teams/TEAM/forecast?cards=0', 'querystring.cards'],
      ['/api/dashboard/teams/TEAM/forecast?cards=12&target=2020-01-01', 'querystring.target'],
      ['/api/dashboard/teams/TEAM/forecast?cards=12&runs=5', 'querystring.runs'],
      ['/api/dashboard/teams/TEAM/aging?tz=Nowhere', 'querystring.tz'],
      [`/api/dashboard/teams/not-a-team/cycle-time?${march}`, 'params.teamId'],
    ];
    for (const [url, field] of cases) {
      it(`refuses ${url.replace('TEAM', ':teamId')} naming ${field}`, async () => {
        const res = await get('pmo', url.replace('TEAM', teamA.id));
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
        expect(res.body.error.fields.map((f: { field: string }) => f.field.replace(/\.\d+$/, ''))).toContain(field);
      });
    }
  });

  describe('figures', () => {
    it('draws cumulative flow from first arrivals, as the domain defines it, for a team and the organisation', async () => {
      const days = daysInRange('2026-03-01', '2026-03-31');
      const teamCards = [...placements.entries()].filter(([id]) => id !== undefined);
      const teamAIds = new Set(
        (await t.db.card.findMany({ where: { boardId: teamA.board.id }, select: { id: true } })).map((c) => c.id),
      );
      const expected = (ids: (id: string) => boolean, tz = 'UTC') =>
        cumulativeFlow(
          teamCards.filter(([id]) => ids(id)).map(([, p]) => firstArrivals(p)),
          days,
          tz,
        ).map((d) => ({ day: d.day, ...d.counts }));
      const team = await get('pmo', `/api/dashboard/cumulative-flow?${march}&teamId=${teamA.id}`);
      expect(team.status).toBe(200);
      expect(team.body.stages.map((s: { name: string }) => s.name)).toEqual([
        'Backlog',
        'To do',
        'In progress',
        'Done',
      ]);
      expect(byCategory(team.body)).toEqual(expected((id) => teamAIds.has(id)));
      // The card moved back to to-do and out of done again still counts once in each stage.
      const on11th = byCategory(team.body).find((d: { day: string }) => d.day === '2026-03-11');
      expect(on11th).toEqual({ day: '2026-03-11', BACKLOG: 3, TODO: 3, IN_PROGRESS: 3, DONE: 2 });
      const org = await get('pmo', `/api/dashboard/cumulative-flow?${march}`);
      expect(byCategory(org.body)).toEqual(expected(() => true));
      expect(byCategory(org.body).at(-1)).toEqual({ day: '2026-03-31', BACKLOG: 8, TODO: 8, IN_PROGRESS: 7, DONE: 6 });
      const member = await get('member', `/api/dashboard/cumulative-flow?${march}`);
      expect(byCategory(member.body).at(-1)).toEqual({
        day: '2026-03-31',
        BACKLOG: 7,
        TODO: 7,
        IN_PROGRESS: 6,
        DONE: 5,
      });
      // Local midnights east and west of UTC, a half-hour zone and one beyond twelve hours: the daily rollup plus
      // the cards between the nearest UTC midnight and the local one give the domain's answer.
      for (const tz of ['Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati']) {
        const zoned = await get('pmo', `/api/dashboard/cumulative-flow?${march}&tz=${tz}`);
        expect(byCategory(zoned.body), tz).toEqual(expected(() => true, tz));
      }
    });

    it('plots cycle time in calendar days of the chosen time zone, with nearest-rank percentiles', async () => {
      const utc = await get('pmo', `/api/dashboard/teams/${teamA.id}/cycle-time?${march}`);
      expect(utc.status).toBe(200);
      const byTitle = Object.fromEntries(
        utc.body.points.map((p: { title: string; days: number; finishedOn: string }) => [
          p.title.replace(/ \d+$/, ''),
          p,
        ]),
      );
      expect(byTitle['Newsletter']).toMatchObject({ finishedOn: '2026-03-09', days: 6 });
      expect(byTitle['Landing page']).toMatchObject({ finishedOn: '2026-03-10', days: 1 });
      expect(byTitle['Late finisher']).toMatchObject({ finishedOn: '2026-03-12', days: 1 });
      expect(byTitle['Straight to done']).toMatchObject({ finishedOn: '2026-03-20', days: 1 });
      expect(byTitle['Webinar']).toMatchObject({ finishedOn: '2026-03-24', days: 28 });
      const days = utc.body.points.map((p: { days: number }) => p.days);
      expect(utc.body).toMatchObject({
        p50: percentile(days, 50),
        p85: percentile(days, 85),
        p95: percentile(days, 95),
      });
      const berlin = await get('pmo', `/api/dashboard/teams/${teamA.id}/cycle-time?${march}&tz=Europe/Berlin`);
      expect(berlin.body.points.find((p: { title: string }) => p.title.startsWith('Late finisher'))).toMatchObject({
        finishedOn: '2026-03-13',
        days: 2,
      });
    });

    it('sums up each team in the overview: throughput, cycle and lead time, breaches, WIP, principles', async () => {
      const res = await get('pmo', `/api/dashboard/overview?${march}`);
      const a = res.body.teams.find((x: { id: string }) => x.id === teamA.id);
      const scatter = (await get('pmo', `/api/dashboard/teams/${teamA.id}/cycle-time?${march}`)).body;
      const cycle = scatter.points.map((p: { days: number }) => p.days);
      expect(a.finished).toBe(5);
      expect(a.throughputPerWeek).toBe(Math.round((5 / (31 / 7)) * 10) / 10);
      expect(a.cycleTime).toEqual({ p50: percentile(cycle, 50), p85: percentile(cycle, 85) });
      // Lead time from creation: Newsletter 8 days, Landing page 9, Late finisher 1, Straight to done 5, Webinar 33.
      expect(a.leadTime).toEqual({ p50: 8, p85: 33 });
      // The March breaches: 6.5 hours on the 5th, and 4 hours before midnight on the 31st.
      expect(a.breaches).toEqual({ count: 2, hoursOver: 10.5 });
      expect(a.wip).toEqual({ count: 2, limit: 18, overLimitColumns: [] });
      expect(a.principleCoverage).toBe(0);
      expect(a.sprint).toBeNull();
    });

    it('splits time in process into active, waiting and blocked, and counts throughput per week', async () => {
      const res = await get('pmo', `/api/dashboard/teams/${teamA.id}/flow?${march}`);
      expect(res.status).toBe(200);
      const week = (w: string) => res.body.efficiency.find((x: { week: string }) => x.week === w);
      expect(res.body.throughput).toEqual([
        { week: '2026-02-23', cards: 0 },
        { week: '2026-03-02', cards: 0 },
        { week: '2026-03-09', cards: 3 },
        { week: '2026-03-16', cards: 1 },
        { week: '2026-03-23', cards: 1 },
        { week: '2026-03-30', cards: 0 },
      ]);
      // Newsletter: in progress 4th-5th and 6th-9th (96 h active), back in to-do 5th-6th (24 h waiting), its first
      // finish counts. Landing page: 12 hours in progress, 6 of them blocked. Late finisher: 14.5 hours active.
      expect(week('2026-03-09')).toEqual({
        week: '2026-03-09',
        cards: 3,
        activeHours: 116.5,
        waitingHours: 24,
        blockedHours: 6,
        efficiency: Math.round((116.5 / 146.5) * 1000) / 1000,
      });
      // Straight to done took no time in process.
      expect(week('2026-03-16')).toMatchObject({ cards: 1, efficiency: null });
    });

    it('ages open work against the team history', async () => {
      const res = await get('member', `/api/dashboard/teams/${teamA.id}/aging?tz=UTC`);
      expect(res.status).toBe(200);
      expect(res.body.stages.map((c: { name: string }) => c.name)).toEqual(['In progress']);
      expect(res.body.cards).toHaveLength(1);
      expect(res.body.cards[0].title).toMatch(/^Video script/);
      expect(res.body.cards[0].ageDays).toBe(
        Math.round(
          (Date.parse(`${localDay(Date.now(), 'UTC')}T00:00:00Z`) - Date.parse('2026-03-19T00:00:00Z')) / 86_400_000,
        ) + 1,
      );
    });

    it('forecasts from recent daily throughput, the same answer for the same seed', async () => {
      const today = localDay(Date.now(), 'UTC');
      for (let i = 1; i <= 6; i++) {
        const day = addDays(today, -2 * i);
        await cardWithHistory(teamB, `Recent ${i}`, [
          { at: at(`${day}T08:00:00Z`), stage: 'IN_PROGRESS' },
          { at: at(`${day}T12:00:00Z`), stage: 'DONE' },
        ]);
      }
      const url = `/api/dashboard/teams/${teamB.id}/forecast?cards=6&weeks=2&runs=2000&seed=11&target=${addDays(today, 13)}`;
      const one = await get('outsider', url);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({
        cards: 6,
        runs: 2000,
        seed: 11,
        startDay: today,
        samplesFrom: addDays(today, -14),
        samplesTo: addDays(today, -1),
        sampleCards: 6,
        possible: true,
      });
      expect((await get('outsider', url)).body).toEqual(one.body);
      expect(one.body.probabilityByTarget).toBeGreaterThan(0.3);
      expect(one.body.histogram.reduce((n: number, h: { runs: number }) => n + h.runs, 0)).toBe(2000);
      const none = await get('member', `/api/dashboard/teams/${teamA.id}/forecast?cards=3&weeks=1&seed=1`);
      expect(none.body).toMatchObject({ possible: false, when: null, sampleCards: 0 });
    });

    it('refuses a target beyond two years, naming it, and keeps answering others while the heaviest forecast runs', async () => {
      const today = localDay(Date.now(), 'UTC');
      const far = await get('outsider', `/api/dashboard/teams/${teamB.id}/forecast?cards=12&target=2300-12-31`);
      expect(far.status).toBe(400);
      expect(far.body.error.fields).toEqual([
        { field: 'querystring.target', message: expect.stringContaining('at most 730 days from today') },
      ]);
      // A card finished every day of the last week: each run needs a day drawn per card, the most a forecast can cost.
      for (let i = 1; i <= 7; i++) {
        const day = addDays(today, -i);
        await cardWithHistory(teamB, `Daily ${i}`, [
          { at: at(`${day}T08:00:00Z`), stage: 'IN_PROGRESS' },
          { at: at(`${day}T09:00:00Z`), stage: 'DONE' },
        ]);
      }
      const heaviest = `/api/dashboard/teams/${teamB.id}/forecast?cards=1000&weeks=1&runs=20000&target=${addDays(today, 730)}`;
      let finished = false;
      const forecast = get('outsider', heaviest).finally(() => (finished = true));
      // Another person's simple requests, one after another, until the forecast has answered: while it is worked
      // out in slices they keep being answered; worked out in one go, none would be between its query and its answer.
      let answered = 0;
      while (!finished) {
        const me = await get('member', '/api/auth/me');
        expect(me.status).toBe(200);
        if (!finished) answered++;
      }
      const result = await forecast;
      expect(result.status).toBe(200);
      expect(result.body.howMany.p50).toBeGreaterThan(600);
      expect(answered).toBeGreaterThan(10);
    });

    it('agrees with the scatter in any time zone, also for cards started long before the period', async () => {
      await cardWithHistory(teamB, 'Evergreen guide', [
        { at: at('2024-06-01T22:30:00Z'), stage: 'IN_PROGRESS' },
        { at: at('2026-03-20T22:30:00Z'), stage: 'DONE' },
      ]);
      for (const tz of ['UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/Los_Angeles']) {
        const scatter = (await get('pmo', `/api/dashboard/teams/${teamB.id}/cycle-time?${march}&tz=${tz}`)).body;
        const b = (await get('pmo', `/api/dashboard/overview?${march}&tz=${tz}&teams=${teamB.id}`)).body.teams[0];
        const cycle = scatter.points.map((p: { days: number }) => p.days);
        expect(cycle.length, tz).toBe(2);
        expect(b.cycleTime, tz).toEqual({ p50: percentile(cycle, 50), p85: percentile(cycle, 85) });
      }
      const berlin = (await get('pmo', `/api/dashboard/teams/${teamB.id}/cycle-time?${march}&tz=Europe/Berlin`)).body;
      // 2 June 2024 00:30 to 20 March 2026 23:30 in Berlin: 657 calendar days.
      expect(berlin.points.find((p: { title: string }) => p.title.startsWith('Evergreen'))).toMatchObject({
        finishedOn: '2026-03-20',
        days: 657,
      });
    });

    it('follows moves made through the API: card_flow is kept by the activity log', async () => {
      const [card] = await addCards(t.db, teamA.board.id, column(teamA, 'TODO').id, 1, 'Moved live');
      for (const stage of ['IN_PROGRESS', 'DONE'] as const) {
        const current = await t.db.card.findUniqueOrThrow({ where: { id: card!.id } });
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/cards/${card!.id}/move`,
          headers: { cookie: cookie.member },
          payload: { columnId: column(teamA, stage).id, afterCardId: null, version: current.version },
        });
        expect(res.statusCode, res.body).toBe(200);
      }
      const today = localDay(Date.now(), 'UTC');
      const res = await get('pmo', `/api/dashboard/teams/${teamA.id}/cycle-time?from=${today}&to=${today}`);
      expect(res.body.points).toEqual([{ cardId: card!.id, title: 'Moved live 1', finishedOn: today, days: 1 }]);
    });
  });
});
