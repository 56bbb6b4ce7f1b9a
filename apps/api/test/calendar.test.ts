import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Calendar } from '@amb/shared/calendar';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// The marketing calendar: a team's dated cards in a range of days (a span that began before the range is there),
// its sprints in the range, and "my calendar" of the cards a person owns on the teams they can read now.
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const get = (cookie: string | undefined, url: string) =>
  t.app.inject({ method: 'GET', url: `/api${url}`, headers: cookie ? { cookie } : {} });
const december = 'from=2026-12-01&to=2026-12-31';

async function dated(
  team: Awaited<ReturnType<typeof createTeam>>,
  title: string,
  dates: { startDate?: string; dueDate?: string; archived?: boolean },
  ownerId?: string,
) {
  const column = team.board.columns[1]!;
  const [card] = await addCards(t.db, team.board.id, column.id, 1, `seed-${crypto.randomUUID()}`);
  return t.db.card.update({
    where: { id: card!.id },
    data: {
      title,
      startDate: dates.startDate ? new Date(dates.startDate) : null,
      dueDate: dates.dueDate ? new Date(dates.dueDate) : null,
      archivedAt: dates.archived ? new Date() : null,
      ...(ownerId ? { owners: { create: { userId: ownerId } } } : {}),
    },
  });
}

describe('a team’s calendar', () => {
  let team: Awaited<ReturnType<typeof createTeam>>;
  let member: Awaited<ReturnType<typeof createUser>>;
  let cookie: string;

  beforeAll(async () => {
    member = await createUser(t.db, { name: 'Mia Member' });
    team = await createTeam(t.db, [{ userId: member.id, role: 'MEMBER' }], 'Calendar team');
    cookie = await signIn(t.app, member.email);
    const principle = await t.db.principle.create({ data: { key: 'calendar-p', name: 'Respond', position: 900 } });
    const launch = await dated(team, 'Launch post', { dueDate: '2026-12-10' }, member.id);
    await t.db.card.update({
      where: { id: launch.id },
      data: {
        labels: ['social'],
        blocked: true,
        blockedReason: 'Legal',
        principles: { create: { principleId: principle.id } },
      },
    });
    await dated(team, 'Trade fair', { startDate: '2026-11-25T00:00:00Z', dueDate: '2026-12-02T00:00:00Z' });
    await dated(team, 'Year plan', { startDate: '2026-12-31' });
    await dated(team, 'November mail', { dueDate: '2026-11-30' });
    await dated(team, 'February mail', { dueDate: '2027-02-01' });
    await dated(team, 'Shelved post', { dueDate: '2026-12-11', archived: true });
    await dated(team, 'Someday', {});
    await t.db.sprint.createMany({
      data: [
        { teamId: team.id, name: 'Sprint 7', startDate: new Date('2026-11-23'), endDate: new Date('2026-12-04') },
        { teamId: team.id, name: 'Sprint 8', startDate: new Date('2026-12-07'), endDate: new Date('2026-12-18') },
        { teamId: team.id, name: 'Sprint 12', startDate: new Date('2027-02-01'), endDate: new Date('2027-02-12') },
      ],
    });
  });

  it('lists the cards whose days meet the range, spans that began before it included', async () => {
    const res = await get(cookie, `/teams/${team.id}/calendar?${december}`);
    expect(res.statusCode, res.body).toBe(200);
    const calendar = res.json<Calendar>();
    expect(calendar.cards.map((c) => c.title)).toEqual(['Trade fair', 'Launch post', 'Year plan']);
    const [fair, launch] = calendar.cards;
    expect(fair).toMatchObject({ startDate: '2026-11-25', dueDate: '2026-12-02', teamName: 'Calendar team' });
    expect(launch).toMatchObject({
      startDate: null,
      dueDate: '2026-12-10',
      columnName: team.board.columns[1]!.name,
      flowCategory: team.board.columns[1]!.flowCategory,
      labels: ['social'],
      owners: [{ id: member.id, name: 'Mia Member' }],
      blocked: true,
    });
    expect(launch!.principleIds).toHaveLength(1);
    expect(calendar.sprints.map((s) => [s.name, s.startDate, s.endDate])).toEqual([
      ['Sprint 7', '2026-11-23', '2026-12-04'],
      ['Sprint 8', '2026-12-07', '2026-12-18'],
    ]);
    expect(calendar.boards).toEqual([
      expect.objectContaining({ id: team.board.id, firstColumnId: team.board.columns[0]!.id }),
    ]);
  });

  it('a range of one day holds the cards on that day, a span through it too', async () => {
    const res = await get(cookie, `/teams/${team.id}/calendar?from=2026-11-30&to=2026-11-30`);
    expect(res.json<Calendar>().cards.map((c) => c.title)).toEqual(['Trade fair', 'November mail']);
  });

  it('viewers read it; other teams’ people do not learn it exists; signed-out people are asked to sign in', async () => {
    const viewer = await createUser(t.db);
    await t.db.membership.create({ data: { teamId: team.id, userId: viewer.id, role: 'VIEWER' } });
    expect((await get(await signIn(t.app, viewer.email), `/teams/${team.id}/calendar?${december}`)).statusCode).toBe(
      200,
    );
    const outsider = await createUser(t.db);
    await createTeam(t.db, [{ userId: outsider.id, role: 'SCRUM_MASTER' }]);
    const refused = await get(await signIn(t.app, outsider.email), `/teams/${team.id}/calendar?${december}`);
    expect(refused.statusCode).toBe(404);
    expect((await get(undefined, `/teams/${team.id}/calendar?${december}`)).statusCode).toBe(401);
  });

  it.each([
    ['from=2026-13-01&to=2026-12-31', 'querystring.from'],
    ['from=2026-12-01&to=soon', 'querystring.to'],
    ['to=2026-12-31', 'querystring.from'],
    ['from=2026-12-01', 'querystring.to'],
    ['from=2026-02-30&to=2026-03-10', 'querystring.from'],
    ['from=2026-12-10&to=2026-12-09', 'querystring.to'],
    ['from=2026-12-01&to=2027-01-12', 'querystring.to'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    for (const url of [`/teams/${team.id}/calendar?${query}`, `/calendar?${query}`]) {
      const res = await get(cookie, url);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields[0].field).toBe(field);
    }
  });
});

describe('my calendar', () => {
  it('lists the cards I own on every team I read, each naming its team, and forgets a team I left', async () => {
    const me = await createUser(t.db);
    const cookie = await signIn(t.app, me.email);
    const first = await createTeam(t.db, [{ userId: me.id, role: 'MEMBER' }], 'First team');
    const second = await createTeam(t.db, [{ userId: me.id, role: 'VIEWER' }], 'Second team');
    await dated(first, 'My brief', { dueDate: '2026-12-03' }, me.id);
    await dated(first, 'Someone else’s brief', { dueDate: '2026-12-03' });
    await dated(second, 'My webinar', { startDate: '2026-11-28', dueDate: '2026-12-01' }, me.id);
    await t.db.sprint.create({
      data: {
        teamId: second.id,
        name: 'Webinar sprint',
        startDate: new Date('2026-11-23'),
        endDate: new Date('2026-12-04'),
      },
    });
    await t.db.card.updateMany({
      where: { title: 'My webinar' },
      data: { sprintId: (await t.db.sprint.findFirstOrThrow({ where: { teamId: second.id } })).id },
    });

    const mine = (await get(cookie, `/calendar?${december}`)).json<Calendar>();
    expect(mine.teamId).toBeNull();
    expect(mine.cards.map((c) => [c.title, c.teamName])).toEqual([
      ['My webinar', 'Second team'],
      ['My brief', 'First team'],
    ]);
    expect(mine.sprints.map((s) => s.name)).toEqual(['Webinar sprint']);

    await t.db.membership.deleteMany({ where: { teamId: second.id, userId: me.id } });
    const after = (await get(cookie, `/calendar?${december}`)).json<Calendar>();
    expect(after.cards.map((c) => c.title)).toEqual(['My brief']);
    expect(after.sprints).toEqual([]);
  });
});
