import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastStandupWindow } from '@amb/domain/standup';
import { activityKinds } from '@amb/shared/activity';
import { standupSchema, type Standup } from '@amb/shared/standup';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// The daily stand-up through the API, on a real database: its window, obstacles, aging cards, changes per person,
// WIP breaches, the stand-up time setting and escalation to the PMO.

const DAY = 86_400_000;

describe('stand-up', () => {
  let t: TestContext;
  const cookie = {} as Record<'master' | 'member' | 'viewer', string>;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let memberId: string;
  let masterId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const master = await createUser(t.db, { name: 'Maya Master' });
    const member = await createUser(t.db, { name: 'Sam Member' });
    const viewer = await createUser(t.db, { name: 'Vic Viewer' });
    memberId = member.id;
    masterId = master.id;
    team = await createTeam(t.db, [
      { userId: master.id, role: 'SCRUM_MASTER' },
      { userId: member.id, role: 'MEMBER' },
      { userId: viewer.id, role: 'VIEWER' },
    ]);
    await t.db.team.update({ where: { id: team.id }, data: { timeZone: 'Europe/Berlin' } });
    cookie.master = await signIn(t.app, master.email);
    cookie.member = await signIn(t.app, member.email);
    cookie.viewer = await signIn(t.app, viewer.email);
  });
  afterAll(() => t.close());

  const call = (who: keyof typeof cookie, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: { cookie: cookie[who] }, payload });
  const column = (name: string) => team.board.columns.find((c) => c.name === name)!;
  const standup = async (query = '', who: keyof typeof cookie = 'viewer') => {
    const res = await call(who, 'GET', `/teams/${team.id}/standup${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return standupSchema.parse(res.json()) as Standup;
  };
  const fieldOf = (res: { json(): { error: { fields?: { field: string }[] } } }) =>
    res.json().error.fields?.map((f) => f.field);
  const window = (sinceOffsetMs: number) =>
    `?since=${encodeURIComponent(new Date(Date.now() - sinceOffsetMs).toISOString())}&until=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`;

  it('without a window, reports since the last stand-up at the team’s time in its zone', async () => {
    const s = await standup();
    expect(s.standupTime).toBe('09:30');
    expect(s.timeZone).toBe('Europe/Berlin');
    expect(s.since).toBe(
      new Date(lastStandupWindow(Date.parse(s.until), '09:30', 'Europe/Berlin').since).toISOString(),
    );
    expect(s.people.map((p) => p.name)).toEqual(['Maya Master', 'Sam Member']);
    expect(s.activeSprintId).toBeNull();
    // Walking the board: working columns only, the one nearest done first.
    expect(s.columns.map((c) => c.name)).toEqual(['Review', 'In progress', 'To do']);
  });

  it('refuses a backwards, over-long or malformed window with the field named', async () => {
    const now = Date.now();
    const backwards = await call(
      'member',
      'GET',
      `/teams/${team.id}/standup?since=${new Date(now).toISOString()}&until=${new Date(now - DAY).toISOString()}`,
    );
    expect(backwards.statusCode).toBe(400);
    expect(fieldOf(backwards)).toEqual(['querystring.since']);
    const long = await call(
      'member',
      'GET',
      `/teams/${team.id}/standup?since=${new Date(now - 40 * DAY).toISOString()}&until=${new Date(now).toISOString()}`,
    );
    expect(long.statusCode).toBe(400);
    expect(fieldOf(long)).toEqual(['querystring.since']);
    const garbage = await call('member', 'GET', `/teams/${team.id}/standup?since=yesterday`);
    expect(garbage.statusCode).toBe(400);
    expect(fieldOf(garbage)).toEqual(['querystring.since']);
  });

  it('shows each person’s changes in the window, blocked cards with age and category, and escalates in one step', async () => {
    const created = await call('member', 'POST', '/cards', {
      columnId: column('In progress').id,
      title: 'Spring launch email',
      position: 'top',
    });
    expect(created.statusCode, created.body).toBe(201);
    const card = created.json().card as { id: string; version: number };
    const blocked = await call('member', 'PATCH', `/cards/${card.id}`, {
      version: card.version,
      blocked: true,
      blockedReason: 'Legal has not approved the claims',
      blockerCategory: 'legal_compliance',
    });
    expect(blocked.statusCode, blocked.body).toBe(200);
    // Blocked two and a half days ago, as if raised on an earlier day.
    await t.db.card.update({ where: { id: card.id }, data: { blockedSince: new Date(Date.now() - 2.5 * DAY) } });

    let s = await standup(window(3_600_000));
    const sam = s.changes.find((c) => c.userId === memberId)!;
    expect(sam.entries.map((e) => e.kind)).toEqual([activityKinds.cardCreated, activityKinds.cardBlocked]);
    expect(sam.entries.every((e) => e.cardId === card.id)).toBe(true);
    expect(s.names[card.id]).toBe('Spring launch email');
    expect(s.names[column('In progress').id]).toBe('In progress');
    expect(s.changes.find((c) => c.userId === masterId)).toBeUndefined();
    const obstacle = s.blocked.find((b) => b.cardId === card.id)!;
    expect(obstacle).toMatchObject({
      title: 'Spring launch email',
      category: 'legal_compliance',
      reason: 'Legal has not approved the claims',
      blockedDays: 2,
      columnName: 'In progress',
      escalatedAt: null,
    });

    // A window that ended before the card was made shows none of it.
    const earlier = await standup(
      `?since=${new Date(Date.now() - 3 * DAY).toISOString()}&until=${new Date(Date.now() - 2 * DAY).toISOString()}`,
    );
    expect(earlier.changes.find((c) => c.userId === memberId)).toBeUndefined();

    expect((await call('viewer', 'PUT', `/cards/${card.id}/escalation`, { escalated: true })).statusCode).toBe(403);
    const escalated = await call('member', 'PUT', `/cards/${card.id}/escalation`, { escalated: true });
    expect(escalated.statusCode, escalated.body).toBe(200);
    expect(escalated.json().escalatedAt).toEqual(expect.any(String));
    // Asking again changes nothing and writes no second entry.
    expect((await call('member', 'PUT', `/cards/${card.id}/escalation`, { escalated: true })).json().escalatedAt).toBe(
      escalated.json().escalatedAt,
    );
    const log = await t.db.activity.findMany({ where: { cardId: card.id, kind: activityKinds.cardEscalated } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      actorId: memberId,
      teamId: team.id,
      to: { reason: 'Legal has not approved the claims', category: 'legal_compliance' },
    });

    // The card panel shows both.
    expect((await call('viewer', 'GET', `/cards/${card.id}`)).json()).toMatchObject({
      blockerCategory: 'legal_compliance',
      escalatedAt: escalated.json().escalatedAt,
    });
    s = await standup(window(3_600_000));
    expect(s.blocked.find((b) => b.cardId === card.id)!.escalatedAt).toBe(escalated.json().escalatedAt);
    expect(s.changes.find((c) => c.userId === memberId)!.entries.at(-1)!.kind).toBe(activityKinds.cardEscalated);

    // Clearing the obstacle takes it off the PMO's list too.
    const version = (await t.db.card.findUniqueOrThrow({ where: { id: card.id } })).version;
    expect((await call('member', 'PATCH', `/cards/${card.id}`, { version, blocked: false })).statusCode).toBe(200);
    expect((await t.db.card.findUniqueOrThrow({ where: { id: card.id } })).escalatedAt).toBeNull();

    const notBlocked = await call('member', 'PUT', `/cards/${card.id}/escalation`, { escalated: true });
    expect(notBlocked.statusCode).toBe(400);
    expect(fieldOf(notBlocked)).toEqual(['body.escalated']);
    expect((await call('member', 'PUT', `/cards/${card.id}/escalation`, { escalated: 'yes' })).statusCode).toBe(400);
  });

  it('lists cards longer than three days in one working column, oldest first, and not those resting in backlog or done', async () => {
    const ago = (days: number) => new Date(Date.now() - days * DAY);
    const [review] = await addCards(t.db, team.board.id, column('Review').id, 1, 'Aging review');
    const [progress] = await addCards(t.db, team.board.id, column('In progress').id, 1, 'Aging progress');
    const [fresh] = await addCards(t.db, team.board.id, column('In progress').id, 1, 'Fresh progress');
    const [done] = await addCards(t.db, team.board.id, column('Done').id, 1, 'Long done');
    const [backlog] = await addCards(t.db, team.board.id, column('Backlog').id, 1, 'Long backlog');
    await t.db.card.update({ where: { id: review!.id }, data: { createdAt: ago(5) } });
    await t.db.card.update({ where: { id: progress!.id }, data: { createdAt: ago(10) } });
    await t.db.card.update({ where: { id: fresh!.id }, data: { createdAt: ago(1) } });
    await t.db.card.update({ where: { id: done!.id }, data: { createdAt: ago(20) } });
    await t.db.card.update({ where: { id: backlog!.id }, data: { createdAt: ago(20) } });
    // A card made long ago that has just moved into its column is not aging: the move counts, not the card's age.
    const [moved] = await addCards(t.db, team.board.id, column('To do').id, 1, 'Moved yesterday');
    await t.db.card.update({ where: { id: moved!.id }, data: { createdAt: ago(30) } });
    const move = await call('member', 'POST', `/cards/${moved!.id}/move`, {
      version: 1,
      columnId: column('Review').id,
      swimlaneId: null,
      afterCardId: null,
    });
    expect(move.statusCode, move.body).toBe(200);

    const s = await standup();
    const mine = s.aging.filter((a) => [review, progress, fresh, done, backlog, moved].some((c) => c!.id === a.cardId));
    expect(mine.map((a) => a.title)).toEqual(['Aging progress 1', 'Aging review 1']);
    expect(mine.map((a) => a.daysInColumn)).toEqual([10, 5]);
    expect(mine[0]).toMatchObject({ columnName: 'In progress', thresholdDays: 3, blocked: false });
  });

  it('uses each column’s own aging threshold, set where its WIP limit is set', async () => {
    const testing = await t.db.column.create({
      data: { boardId: team.board.id, name: 'Legal check', position: 40, flowCategory: 'IN_PROGRESS' },
    });
    const [card] = await addCards(t.db, team.board.id, testing.id, 1, 'Two days in legal');
    await t.db.card.update({ where: { id: card!.id }, data: { createdAt: new Date(Date.now() - 2 * DAY - 60_000) } });
    const aged = async () => (await standup()).aging.find((a) => a.cardId === card!.id);
    expect(await aged()).toBeUndefined();
    expect((await call('member', 'PATCH', `/columns/${testing.id}`, { agingDays: 1 })).statusCode).toBe(403);
    for (const agingDays of [0, 366, 1.5]) {
      const bad = await call('master', 'PATCH', `/columns/${testing.id}`, { agingDays });
      expect(bad.statusCode).toBe(400);
      expect(fieldOf(bad)).toEqual(['body.agingDays']);
    }
    const set = await call('master', 'PATCH', `/columns/${testing.id}`, { agingDays: 1 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ agingDays: 1 });
    expect(await aged()).toMatchObject({ thresholdDays: 1, daysInColumn: 2 });
    const entry = await t.db.activity.findFirstOrThrow({
      where: { kind: activityKinds.columnUpdated, boardId: team.board.id },
      orderBy: { id: 'desc' },
    });
    expect(entry).toMatchObject({
      from: { columnId: testing.id, agingDays: 3 },
      to: { columnId: testing.id, agingDays: 1 },
    });
    await t.db.card.update({ where: { id: card!.id }, data: { archivedAt: new Date() } });
  });

  it('names the WIP limits that are over, not those at their limit', async () => {
    const other = await createTeam(t.db, [{ userId: memberId, role: 'MEMBER' }]);
    const review = other.board.columns.find((c) => c.name === 'Review')!;
    const progress = other.board.columns.find((c) => c.name === 'In progress')!;
    await addCards(t.db, other.board.id, review.id, 4, 'Too many');
    await addCards(t.db, other.board.id, progress.id, 5, 'Just enough');
    const res = await call('member', 'GET', `/teams/${other.id}/standup`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().wipBreaches).toEqual([
      { boardId: other.board.id, scope: 'column', id: review.id, name: 'Review', limit: 3, count: 4 },
    ]);
  });

  it('lets a scrum master set the stand-up time, logged, and refuses a time that is not one', async () => {
    expect(
      (await call('member', 'PUT', `/teams/${team.id}/standup-settings`, { standupTime: '10:00' })).statusCode,
    ).toBe(403);
    const bad = await call('master', 'PUT', `/teams/${team.id}/standup-settings`, { standupTime: '25:00' });
    expect(bad.statusCode).toBe(400);
    expect(fieldOf(bad)).toEqual(['body.standupTime']);
    const ok = await call('master', 'PUT', `/teams/${team.id}/standup-settings`, { standupTime: '10:15' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ teamId: team.id, standupTime: '10:15', timeZone: 'Europe/Berlin' });
    const s = await standup();
    expect(s.standupTime).toBe('10:15');
    expect(s.since).toBe(
      new Date(lastStandupWindow(Date.parse(s.until), '10:15', 'Europe/Berlin').since).toISOString(),
    );
    const entry = await t.db.activity.findFirst({
      where: { teamId: team.id, kind: activityKinds.teamStandupTimeChanged },
    });
    expect(entry).toMatchObject({ actorId: masterId, from: { standupTime: '09:30' }, to: { standupTime: '10:15' } });
  });

  it('lets a scrum master move the team to another time zone with its stand-up time, logged, and refuses one that is not a time zone', async () => {
    const bad = await call('master', 'PUT', `/teams/${team.id}/standup-settings`, {
      standupTime: '10:15',
      timeZone: 'Mars/Olympus_Mons',
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldOf(bad)).toEqual(['body.timeZone']);
    const ok = await call('master', 'PUT', `/teams/${team.id}/standup-settings`, {
      standupTime: '10:15',
      timeZone: 'America/New_York',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ teamId: team.id, standupTime: '10:15', timeZone: 'America/New_York' });
    const s = await standup();
    expect(s.timeZone).toBe('America/New_York');
    expect(s.since).toBe(
      new Date(lastStandupWindow(Date.parse(s.until), '10:15', 'America/New_York').since).toISOString(),
    );
    const entry = await t.db.activity.findFirst({
      where: { teamId: team.id, kind: activityKinds.teamTimeZoneChanged },
    });
    expect(entry).toMatchObject({
      actorId: masterId,
      from: { timeZone: 'Europe/Berlin' },
      to: { timeZone: 'America/New_York' },
    });
    // Back where the other cases expect it.
    expect(
      (
        await call('master', 'PUT', `/teams/${team.id}/standup-settings`, {
          standupTime: '10:15',
          timeZone: 'Europe/Berlin',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('shows the active sprint', async () => {
    const sprint = await t.db.sprint.create({
      data: {
        teamId: team.id,
        name: 'Sprint 1',
        startDate: new Date(),
        endDate: new Date(Date.now() + 14 * DAY),
        state: 'ACTIVE',
        startedAt: new Date(),
      },
    });
    expect((await standup()).activeSprintId).toBe(sprint.id);
  });

  it('lists approvals still waiting, longest first, with who has yet to answer, and not those given', async () => {
    const [older, newer, given] = await addCards(t.db, team.board.id, column('Review').id, 3, 'Needs a yes.');
    const ask = (cardId: string, approverIds: string[]) =>
      call('member', 'POST', `/cards/${cardId}/approval`, { approverIds });
    expect((await ask(older!.id, [masterId, memberId])).statusCode).toBe(201);
    await ask(newer!.id, [masterId]);
    await ask(given!.id, [masterId]);
    await t.db.approvalRequest.update({
      where: { cardId: older!.id },
      data: { createdAt: new Date(Date.now() - 3 * DAY - 60_000) },
    });
    await call('member', 'POST', `/cards/${older!.id}/approval/decision`, { decision: 'APPROVED' });
    await call('master', 'POST', `/cards/${newer!.id}/approval/decision`, {
      decision: 'CHANGES_REQUESTED',
      comment: 'Shorter, please',
    });
    await call('master', 'POST', `/cards/${given!.id}/approval/decision`, { decision: 'APPROVED' });

    const waiting = (await standup()).approvals.filter((a) => a.title.includes('Needs a yes.'));
    expect(waiting.map((a) => a.cardId)).toEqual([older!.id, newer!.id]);
    expect(waiting[0]).toMatchObject({
      state: 'pending',
      approved: 1,
      of: 2,
      waitingDays: 3,
      columnName: 'Review',
      attachmentName: null,
      waitingOn: [{ userId: masterId, name: 'Maya Master' }],
    });
    expect(waiting[1]).toMatchObject({ state: 'changes_requested', approved: 0, of: 1, waitingOn: [] });
  });
});
