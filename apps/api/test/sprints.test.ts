import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityKinds } from '@amb/shared/activity';
import { sprintChartSchema, sprintPlanSchema, velocitySchema } from '@amb/shared/sprints';
import { activityRows } from '../src/services/activity/record-activity';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// The sprint lifecycle, planning and charts through the API, on a real database.

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

describe('sprints', () => {
  let t: TestContext;
  const cookie = {} as Record<'master' | 'owner' | 'member' | 'viewer', string>;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let otherTeam: Awaited<ReturnType<typeof createTeam>>;
  let memberId: string;
  let people: { userId: string; role: 'SCRUM_MASTER' | 'PRODUCT_OWNER' | 'MEMBER' | 'VIEWER' }[];

  beforeAll(async () => {
    t = await startTestApp();
    const master = await createUser(t.db, { name: 'Maya Master' });
    const owner = await createUser(t.db, { name: 'Omar Owner' });
    const member = await createUser(t.db, { name: 'Sam Member' });
    const viewer = await createUser(t.db, { name: 'Vic Viewer' });
    memberId = member.id;
    people = [
      { userId: master.id, role: 'SCRUM_MASTER' },
      { userId: owner.id, role: 'PRODUCT_OWNER' },
      { userId: member.id, role: 'MEMBER' },
      { userId: viewer.id, role: 'VIEWER' },
    ];
    team = await createTeam(t.db, people);
    otherTeam = await createTeam(t.db, [{ userId: master.id, role: 'SCRUM_MASTER' }]);
    cookie.master = await signIn(t.app, master.email);
    cookie.owner = await signIn(t.app, owner.email);
    cookie.member = await signIn(t.app, member.email);
    cookie.viewer = await signIn(t.app, viewer.email);
  });
  afterAll(() => t.close());

  const call = (who: keyof typeof cookie, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: { cookie: cookie[who] }, payload });
  const columns = () => team.board.columns;
  const newSprint = async (name: string, over: object = {}, teamId = team.id) => {
    const res = await call('master', 'POST', '/sprints', {
      teamId,
      name,
      goal: `Goal of ${name}`,
      startDate: day(-3),
      endDate: day(10),
      capacityPoints: 10,
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  const estimated = async (title: string, points: number, teamBoard = team.board) => {
    const [card] = await addCards(t.db, teamBoard.id, teamBoard.columns[1]!.id, 1, title);
    const res = await call('master', 'PATCH', `/cards/${card!.id}`, { version: 1, estimate: points });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().card as { id: string; version: number };
  };
  const plan = (cardId: string, sprintId: string | null, who: keyof typeof cookie = 'master') =>
    call(who, 'PUT', `/cards/${cardId}/sprint`, { sprintId });
  const fieldOf = (res: { json(): { error: { fields?: { field: string }[] } } }) =>
    res.json().error.fields?.map((f) => f.field);

  describe('bad input', () => {
    it('refuses dates that end before they start, and capacity below zero, naming the field', async () => {
      const early = await call('master', 'POST', '/sprints', {
        teamId: team.id,
        name: 'Backwards',
        startDate: day(5),
        endDate: day(1),
      });
      expect(early.statusCode).toBe(400);
      expect(fieldOf(early)).toContain('body.endDate');
      const negative = await call('master', 'POST', '/sprints', {
        teamId: team.id,
        name: 'Negative',
        startDate: day(1),
        endDate: day(5),
        capacityPoints: -1,
      });
      expect(negative.statusCode).toBe(400);
      expect(fieldOf(negative)).toContain('body.capacityPoints');
      const sprint = await newSprint('Editable');
      const edit = await call('master', 'PATCH', `/sprints/${sprint.id}`, { endDate: day(-10) });
      expect(edit.statusCode).toBe(400);
      expect(fieldOf(edit)).toEqual(['body.endDate']);
      expect(await t.db.sprint.count({ where: { name: { in: ['Backwards', 'Negative'] } } })).toBe(0);
    });

    it('refuses a sprint longer than a quarter, also when one date is moved alone, naming the field', async () => {
      const century = await call('master', 'POST', '/sprints', {
        teamId: team.id,
        name: 'Century',
        startDate: '2026-01-01',
        endDate: '2126-01-01',
      });
      expect(century.statusCode).toBe(400);
      expect(fieldOf(century)).toEqual(['body.endDate']);
      const quarter = await call('master', 'POST', '/sprints', {
        teamId: team.id,
        name: 'Quarter',
        startDate: day(1),
        endDate: day(91),
      });
      expect(quarter.statusCode, quarter.body).toBe(201);
      const later = await call('master', 'PATCH', `/sprints/${quarter.json().id}`, { endDate: day(92) });
      expect(later.statusCode).toBe(400);
      expect(fieldOf(later)).toEqual(['body.endDate']);
      const earlier = await call('master', 'PATCH', `/sprints/${quarter.json().id}`, { startDate: day(0) });
      expect(earlier.statusCode).toBe(400);
      expect(fieldOf(earlier)).toEqual(['body.startDate']);
      expect(await t.db.sprint.count({ where: { name: 'Century' } })).toBe(0);
    });

    it('keeps the rules in the database too', async () => {
      await expect(
        t.db.sprint.create({
          data: { teamId: team.id, name: 'Raw', startDate: new Date('2026-12-10'), endDate: new Date('2026-12-01') },
        }),
      ).rejects.toThrow(/sprints_dates_in_order/);
      await expect(
        t.db.sprint.create({
          data: {
            teamId: team.id,
            name: 'Raw',
            startDate: new Date('2026-12-01'),
            endDate: new Date('2026-12-10'),
            capacityPoints: -3,
          },
        }),
      ).rejects.toThrow(/sprints_capacity_not_negative/);
      const other = await createTeam(t.db);
      await t.db.sprint.create({
        data: {
          teamId: other.id,
          name: 'One',
          startDate: new Date('2026-12-01'),
          endDate: new Date('2026-12-10'),
          state: 'ACTIVE',
        },
      });
      await expect(
        t.db.sprint.create({
          data: {
            teamId: other.id,
            name: 'Two',
            startDate: new Date('2026-12-01'),
            endDate: new Date('2026-12-10'),
            state: 'ACTIVE',
          },
        }),
      ).rejects.toThrow();
    });

    it('refuses cards of another team and closed sprints when planning', async () => {
      const sprint = await newSprint('Own team');
      const foreign = await estimated('Foreign card', 3, otherTeam.board);
      const res = await plan(foreign.id, sprint.id);
      expect(res.statusCode).toBe(400);
      expect(fieldOf(res)).toEqual(['body.sprintId']);
      const closed = await t.db.sprint.create({
        data: {
          teamId: team.id,
          name: 'Old',
          startDate: new Date('2026-01-01'),
          endDate: new Date('2026-01-14'),
          state: 'CLOSED',
        },
      });
      const mine = await estimated('Mine', 2);
      expect((await plan(mine.id, closed.id)).statusCode).toBe(400);
      expect((await t.db.card.findUniqueOrThrow({ where: { id: mine.id } })).sprintId).toBeNull();
    });
  });

  describe('roles', () => {
    it('lets product owners plan, and refuses members and viewers', async () => {
      const res = await call('owner', 'POST', '/sprints', {
        teamId: team.id,
        name: 'Owner’s sprint',
        startDate: day(20),
        endDate: day(30),
      });
      expect(res.statusCode).toBe(201);
      expect(
        (
          await call('member', 'POST', '/sprints', {
            teamId: team.id,
            name: 'No',
            startDate: day(20),
            endDate: day(30),
          })
        ).statusCode,
      ).toBe(403);
      expect((await call('viewer', 'PATCH', `/sprints/${res.json().id}`, { goal: 'No' })).statusCode).toBe(403);
      const card = await estimated('Owner plans', 1);
      expect((await plan(card.id, res.json().id, 'owner')).statusCode).toBe(200);
      expect((await plan(card.id, null, 'member')).statusCode).toBe(403);
    });

    it('refuses a member who changes a card’s sprint through the card update route, and writes nothing', async () => {
      const sprint = await newSprint('Members keep out');
      const card = await estimated('Member edits', 2);
      const refused = await call('member', 'PATCH', `/cards/${card.id}`, {
        version: card.version,
        title: 'Sneaky',
        sprintId: sprint.id,
      });
      expect(refused.statusCode).toBe(403);
      expect(fieldOf(refused)).toEqual(['body.sprintId']);
      const after = await t.db.card.findUniqueOrThrow({ where: { id: card.id } });
      expect([after.sprintId, after.title, after.version]).toEqual([null, 'Member edits 1', card.version]);
      // The member may still edit and move the card, and send its sprint unchanged.
      const edit = await call('member', 'PATCH', `/cards/${card.id}`, {
        version: card.version,
        title: 'Renamed',
        sprintId: null,
      });
      expect(edit.statusCode).toBe(200);
      expect(
        (await call('master', 'PATCH', `/cards/${card.id}`, { version: card.version + 1, sprintId: sprint.id }))
          .statusCode,
      ).toBe(200);
    });
  });

  describe('lifecycle', () => {
    it('allows one active sprint per team, also when two are started at once', async () => {
      const team2 = await createTeam(t.db, [
        {
          userId: (await t.db.membership.findFirstOrThrow({ where: { teamId: team.id, role: 'SCRUM_MASTER' } })).userId,
          role: 'SCRUM_MASTER',
        },
      ]);
      const a = await newSprint('Race A', {}, team2.id);
      const b = await newSprint('Race B', {}, team2.id);
      const answers = await Promise.all([
        call('master', 'POST', `/sprints/${a.id}/start`),
        call('master', 'POST', `/sprints/${b.id}/start`),
      ]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(answers.find((r) => r.statusCode === 409)!.json().error.code).toBe('CONFLICT');
      expect(await t.db.sprint.count({ where: { teamId: team2.id, state: 'ACTIVE' } })).toBe(1);
      expect(
        (await call('master', 'POST', `/sprints/${answers[0]!.statusCode === 200 ? a.id : b.id}/start`)).statusCode,
      ).toBe(409);
    });

    it('refuses to close a sprint that is not active, and to carry over into a closed sprint, writing nothing', async () => {
      const team3 = await createTeam(t.db, [
        {
          userId: (await t.db.membership.findFirstOrThrow({ where: { teamId: team.id, role: 'SCRUM_MASTER' } })).userId,
          role: 'SCRUM_MASTER',
        },
      ]);
      const planned = await newSprint('Not started', {}, team3.id);
      const notActive = await call('master', 'POST', `/sprints/${planned.id}/close`, { goalMet: false });
      expect(notActive.statusCode).toBe(409);
      const old = await t.db.sprint.create({
        data: {
          teamId: team3.id,
          name: 'Old',
          startDate: new Date('2026-01-01'),
          endDate: new Date('2026-01-14'),
          state: 'CLOSED',
        },
      });
      const active = await newSprint('Running', {}, team3.id);
      const card = await estimated('Unfinished', 3, team3.board);
      expect((await plan(card.id, active.id)).statusCode).toBe(200);
      expect((await call('master', 'POST', `/sprints/${active.id}/start`)).statusCode).toBe(200);
      const intoClosed = await call('master', 'POST', `/sprints/${active.id}/close`, {
        goalMet: true,
        carryOverSprintId: old.id,
        unfinished: [{ cardId: card.id, outcome: 'carry-over' }],
      });
      expect(intoClosed.statusCode).toBe(400);
      expect(fieldOf(intoClosed)).toEqual(['body.carryOverSprintId']);
      const noTarget = await call('master', 'POST', `/sprints/${active.id}/close`, {
        goalMet: true,
        unfinished: [{ cardId: card.id, outcome: 'carry-over' }],
      });
      expect(fieldOf(noTarget)).toEqual(['body.carryOverSprintId']);
      const stranger = await call('master', 'POST', `/sprints/${active.id}/close`, {
        goalMet: true,
        carryOverSprintId: planned.id,
        unfinished: [
          { cardId: card.id, outcome: 'carry-over' },
          { cardId: old.id, outcome: 'backlog' },
        ],
      });
      expect(stranger.statusCode).toBe(400);
      expect(fieldOf(stranger)).toEqual(['body.unfinished.1.cardId']);
      // Nothing half written: the sprint is still active and the card still in it.
      expect((await t.db.sprint.findUniqueOrThrow({ where: { id: active.id } })).state).toBe('ACTIVE');
      expect((await t.db.card.findUniqueOrThrow({ where: { id: card.id } })).sprintId).toBe(active.id);
      expect(await t.db.activity.count({ where: { sprintId: active.id, kind: 'sprint.closed' } })).toBe(0);
    });

    it('plans, starts, burns down, takes scope added mid-sprint, closes with a carry-over and shows velocity', async () => {
      team = await createTeam(t.db, people);
      const sprint = await newSprint('Sprint 1', { capacityPoints: 6 });
      const next = await newSprint('Sprint 2', { startDate: day(11), endDate: day(24) });
      const a = await estimated('Write the brief', 3);
      const b = await estimated('Design the banner', 5);
      const c = await estimated('Record the podcast', 2);
      for (const card of [a, b]) expect((await plan(card.id, sprint.id)).statusCode).toBe(200);

      // Over capacity is plain to see while planning; load per person against availability.
      await call('master', 'PATCH', `/cards/${a.id}`, { version: a.version + 1, ownerIds: [memberId] });
      expect(
        (
          await call('master', 'PUT', `/sprints/${sprint.id}/availability`, {
            people: [{ userId: memberId, daysOff: 2 }],
          })
        ).statusCode,
      ).toBe(200);
      const planning = sprintPlanSchema.parse((await call('viewer', 'GET', `/sprints/${sprint.id}`)).json());
      expect([planning.committedPoints, planning.capacityPoints]).toEqual([8, 6]);
      expect(planning.people.find((p) => p.userId === memberId)).toMatchObject({
        daysOff: 2,
        points: 3,
        availableDays: planning.workingDays - 2,
      });

      const started = await call('owner', 'POST', `/sprints/${sprint.id}/start`);
      expect(started.statusCode, started.body).toBe(200);
      expect((await t.db.sprint.findUniqueOrThrow({ where: { id: sprint.id } })).committedPoints).toBe(8);

      // A member moves a card to done; the burndown falls.
      const done = columns()[4]!;
      const moved = await call('member', 'POST', `/cards/${a.id}/move`, {
        columnId: done.id,
        afterCardId: null,
        version: (await t.db.card.findUniqueOrThrow({ where: { id: a.id } })).version,
      });
      expect(moved.statusCode, moved.body).toBe(200);
      // A card added after the start shows as scope added.
      expect((await plan(c.id, sprint.id)).statusCode).toBe(200);

      const chart = sprintChartSchema.parse((await call('viewer', 'GET', `/sprints/${sprint.id}/burndown`)).json());
      expect(chart.committedPoints).toBe(8);
      const today = chart.days.filter((d) => d.remaining !== null).at(-1)!;
      expect(today).toMatchObject({ scope: 10, completed: 3, remaining: 7 });
      expect(chart.scopeChanges).toMatchObject([
        { cardId: c.id, points: 2, change: 'added', title: 'Record the podcast 1' },
      ]);

      const closed = await call('master', 'POST', `/sprints/${sprint.id}/close`, {
        goalMet: false,
        carryOverSprintId: next.id,
        unfinished: [
          { cardId: b.id, outcome: 'carry-over' },
          { cardId: c.id, outcome: 'backlog' },
        ],
      });
      expect(closed.statusCode, closed.body).toBe(200);
      const report = sprintPlanSchema.parse((await call('viewer', 'GET', `/sprints/${sprint.id}`)).json());
      expect(report).toMatchObject({ state: 'CLOSED', goalMet: false, startCommittedPoints: 8, completedPoints: 3 });
      expect(report.report).toMatchObject({
        done: [{ id: a.id, points: 3 }],
        carriedOver: [{ id: b.id, points: 5 }],
        returnedToBacklog: [{ id: c.id, points: 2 }],
        carryOverSprintId: next.id,
      });
      expect((await t.db.card.findUniqueOrThrow({ where: { id: b.id } })).sprintId).toBe(next.id);
      expect((await t.db.card.findUniqueOrThrow({ where: { id: c.id } })).sprintId).toBeNull();
      // History, in the typed kinds, written with the changes.
      const startEntry = await t.db.activity.findFirstOrThrow({
        where: { sprintId: sprint.id, kind: 'sprint.started' },
      });
      expect(startEntry.to).toMatchObject({
        points: 8,
        committed: expect.arrayContaining([
          { cardId: a.id, points: 3 },
          { cardId: b.id, points: 5 },
        ]),
      });
      const closeEntry = await t.db.activity.findFirstOrThrow({
        where: { sprintId: sprint.id, kind: 'sprint.closed' },
      });
      expect(closeEntry.to).toMatchObject({ donePoints: 3, notDonePoints: 7, goalMet: false, carriedOverTo: next.id });
      const carried = await t.db.activity.findFirstOrThrow({
        where: { cardId: b.id, kind: 'card.sprint.changed', sprintId: next.id },
      });
      expect([carried.from, carried.to]).toEqual([{ sprintId: sprint.id }, { sprintId: next.id }]);

      // The closed sprint's chart still reads its history: carrying over is not a scope change.
      const after = sprintChartSchema.parse((await call('viewer', 'GET', `/sprints/${sprint.id}/burndown`)).json());
      expect(after.days.filter((d) => d.remaining !== null).at(-1)).toMatchObject({
        scope: 10,
        completed: 3,
        remaining: 7,
      });
      expect(after.scopeChanges.map((s) => s.change)).toEqual(['added']);

      const velocity = velocitySchema.parse(
        (await call('viewer', 'GET', `/sprints/velocity?teamId=${team.id}`)).json(),
      );
      expect(velocity.sprints.at(-1)).toMatchObject({ sprintId: sprint.id, committed: 8, completed: 3 });
      expect(velocity.averageOfLastThree).toBe(3);

      // A closed sprint cannot be changed or started again.
      expect((await call('master', 'PATCH', `/sprints/${sprint.id}`, { goal: 'Rewritten' })).statusCode).toBe(409);
      expect((await call('master', 'POST', `/sprints/${sprint.id}/start`)).statusCode).toBe(409);
      // The next planned sprint suggests a capacity from the velocity.
      expect(
        sprintPlanSchema.parse((await call('master', 'GET', `/sprints/${next.id}`)).json()).suggestedCapacity,
      ).toBe(3);
    });
  });

  describe('velocity from older history', () => {
    it('folds a sprint’s figures from its cards’ timelines when the log did not record them at start and close', async () => {
      const own = await createTeam(t.db, people);
      const sprint = await t.db.sprint.create({
        data: {
          teamId: own.id,
          name: 'Legacy sprint',
          startDate: new Date('2026-10-05'),
          endDate: new Date('2026-10-16'),
          state: 'CLOSED',
          startedAt: new Date('2026-10-05T09:00Z'),
          closedAt: new Date('2026-10-16T17:00Z'),
        },
      });
      const [early, late] = await addCards(t.db, own.board.id, own.board.columns[4]!.id, 2, 'Legacy card');
      await t.db.card.updateMany({
        where: { id: { in: [early!.id, late!.id] } },
        data: { estimate: 5, sprintId: sprint.id, createdAt: new Date('2026-10-01T08:00Z') },
      });
      const [todo, done] = [own.board.columns[1]!, own.board.columns[4]!];
      const place = (c: typeof todo) => ({ columnId: c.id, swimlaneId: null, flowCategory: c.flowCategory });
      const base = (cardId: string) => ({ teamId: own.id, boardId: own.board.id, cardId });
      await t.db.activity.createMany({
        data: activityRows([
          ...[early!, late!].map((c) => ({
            ...base(c.id),
            at: new Date('2026-10-02T10:00Z'),
            sprintId: sprint.id,
            kind: activityKinds.cardSprintChanged,
            from: { sprintId: null },
            to: { sprintId: sprint.id },
          })),
          {
            ...base(early!.id),
            at: new Date('2026-10-08T10:00Z'),
            sprintId: sprint.id,
            kind: activityKinds.cardMoved,
            from: place(todo),
            to: place(done),
          },
          // Finished only after the sprint closed: not part of its velocity.
          {
            ...base(late!.id),
            at: new Date('2026-10-20T10:00Z'),
            sprintId: sprint.id,
            kind: activityKinds.cardMoved,
            from: place(todo),
            to: place(done),
          },
        ]),
      });
      const velocity = velocitySchema.parse((await call('viewer', 'GET', `/sprints/velocity?teamId=${own.id}`)).json());
      expect(velocity.sprints).toMatchObject([{ sprintId: sprint.id, committed: 10, completed: 5 }]);
      expect(velocity.averageOfLastThree).toBe(5);
    });
  });

  describe('backlog', () => {
    it('lists cards in no open sprint in priority order, and re-ranks them', async () => {
      const t4 = await createTeam(t.db, [
        {
          userId: (await t.db.membership.findFirstOrThrow({ where: { teamId: team.id, role: 'SCRUM_MASTER' } })).userId,
          role: 'SCRUM_MASTER',
        },
      ]);
      const cards = await addCards(t.db, t4.board.id, t4.board.columns[0]!.id, 3, 'Idea');
      await addCards(t.db, t4.board.id, t4.board.columns[4]!.id, 1, 'Finished');
      const sprint = await newSprint('Planned', {}, t4.id);
      const [planned] = await addCards(t.db, t4.board.id, t4.board.columns[1]!.id, 1, 'In sprint');
      expect((await plan(planned!.id, sprint.id)).statusCode).toBe(200);
      const titles = async () =>
        (await call('master', 'GET', `/teams/${t4.id}/backlog`)).json().cards.map((c: { title: string }) => c.title);
      expect(await titles()).toEqual(['Idea 1', 'Idea 2', 'Idea 3']);
      const ranked = await call('master', 'POST', `/cards/${cards[2]!.id}/backlog-rank`, { afterCardId: null });
      expect(ranked.statusCode, ranked.body).toBe(200);
      expect(ranked.json().cards.map((c: { title: string }) => c.title)).toEqual(['Idea 3', 'Idea 1', 'Idea 2']);
      expect(
        (await call('master', 'POST', `/cards/${cards[2]!.id}/backlog-rank`, { afterCardId: cards[0]!.id })).statusCode,
      ).toBe(200);
      expect(await titles()).toEqual(['Idea 1', 'Idea 3', 'Idea 2']);
      const outside = await call('master', 'POST', `/cards/${planned!.id}/backlog-rank`, { afterCardId: null });
      expect(outside.statusCode).toBe(400);
      expect(
        (await call('member', 'POST', `/cards/${cards[0]!.id}/backlog-rank`, { afterCardId: null })).statusCode,
      ).toBe(404);
    });
  });
});
