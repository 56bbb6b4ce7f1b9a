import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app';
import { createPrisma } from '../src/db/prisma';
import { remindDueCards } from '../src/services/notifications/due-reminders';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// Due-date reminders on a clock the test sets: "tomorrow" and "today" by each person's time zone (the team's when
// they chose none), once per person, card and due date, with two app instances looking at the same moment and
// another started afterwards; a changed due date reminds again; done cards and people who left are not reminded.

describe('due-date reminders', () => {
  let t: TestContext;
  let other: App;
  const cookie: Record<string, string> = {};
  const id: Record<string, string> = {};
  let team: Awaited<ReturnType<typeof createTeam>>;
  const column = (flow: string) => team.board.columns.find((c) => c.flowCategory === flow)!;

  beforeAll(async () => {
    t = await startTestApp();
    other = await buildApp({ config: t.app.config, db: createPrisma(t.database.url, 4) });
    await other.ready();
    for (const name of ['maya', 'sam', 'vic', 'lee']) {
      const user = await createUser(t.db, { name });
      id[name] = user.id;
      cookie[name] = await signIn(t.app, user.email);
    }
    team = await createTeam(t.db, [
      { userId: id.maya!, role: 'SCRUM_MASTER' },
      { userId: id.sam!, role: 'MEMBER' },
      { userId: id.vic!, role: 'MEMBER' },
      { userId: id.lee!, role: 'MEMBER' },
    ]);
    // The team works in UTC+14; Vic has chosen UTC for himself.
    await t.db.team.update({ where: { id: team.id }, data: { timeZone: 'Pacific/Kiritimati' } });
    await t.db.user.update({ where: { id: id.vic }, data: { timeZone: 'UTC' } });
  });
  afterAll(async () => {
    await other.close();
    await other.db.$disconnect();
    await t.close();
  });

  const as = async (who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, payload, headers: { cookie: cookie[who]! } });
    if (res.statusCode >= 400) throw new Error(`${who} ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const version = async (cardId: string) => (await t.db.card.findUniqueOrThrow({ where: { id: cardId } })).version;
  const due = async (cardId: string, dueDate: string) =>
    as('maya', 'PATCH', `/api/cards/${cardId}`, { version: await version(cardId), dueDate });
  /** Each person's reminders, as `kind dueDay`, in the order written. */
  const reminders = async () => {
    const rows = await t.db.notification.findMany({ where: { kind: { startsWith: 'due.' } }, orderBy: { id: 'asc' } });
    const names = Object.fromEntries(Object.entries(id).map(([n, i]) => [i, n]));
    const out: Record<string, string[]> = {};
    for (const r of rows) (out[names[r.userId]!] ??= []).push(`${r.kind} ${(r.data as { dueDay: string }).dueDay}`);
    return out;
  };
  /** Both instances at the same moment. */
  const remind = async (iso: string) => {
    const now = new Date(iso);
    await Promise.all([remindDueCards(t.db, now), remindDueCards(other.db, now)]);
  };

  it('reminds owners and watchers once each, by their own calendar, whoever looks and however often', async () => {
    const card = (
      await as('maya', 'POST', '/api/cards', {
        columnId: column('IN_PROGRESS').id,
        title: 'Legal review',
        ownerIds: [id.sam, id.lee],
      })
    ).card;
    const done = (
      await as('maya', 'POST', '/api/cards', {
        columnId: column('DONE').id,
        title: 'Shipped already',
        ownerIds: [id.sam],
      })
    ).card;
    await due(card.id, '2026-12-10');
    await due(done.id, '2026-12-10');
    await as('vic', 'PUT', `/api/cards/${card.id}/watch`, { watching: true });
    await as('vic', 'PUT', `/api/cards/${done.id}/watch`, { watching: true });
    await t.db.membership.deleteMany({ where: { userId: id.lee, teamId: team.id } });

    // Two days ahead in UTC, but already the 9th in the team's zone: due tomorrow there.
    await remind('2026-12-08T12:00:00Z');
    expect(await reminders()).toEqual({ sam: ['due.tomorrow 2026-12-10'] });
    // An instance started afterwards (a restart) looks at the same moment and a little later: nothing new.
    const restarted = await buildApp({ config: t.app.config, db: createPrisma(t.database.url, 2) });
    await restarted.ready();
    await remindDueCards(restarted.db, new Date('2026-12-08T12:00:00Z'));
    await remindDueCards(restarted.db, new Date('2026-12-08T13:00:00Z'));
    await restarted.close();
    await restarted.db.$disconnect();
    expect(await reminders()).toEqual({ sam: ['due.tomorrow 2026-12-10'] });

    await remind('2026-12-09T12:00:00Z');
    await remind('2026-12-09T12:01:00Z');
    expect(await reminders()).toEqual({
      sam: ['due.tomorrow 2026-12-10', 'due.today 2026-12-10'],
      vic: ['due.tomorrow 2026-12-10'],
    });
    const inbox = await as('sam', 'GET', '/api/notifications');
    expect(inbox.notifications[0]).toMatchObject({ cardTitle: 'Legal review', text: 'It is due today' });

    // Moved to the 12th: the reminders come again for the new date, and the old date's are not repeated.
    await due(card.id, '2026-12-12');
    await remind('2026-12-10T12:00:00Z');
    await remind('2026-12-10T12:00:00Z');
    expect(await reminders()).toEqual({
      sam: ['due.tomorrow 2026-12-10', 'due.today 2026-12-10', 'due.tomorrow 2026-12-12'],
      vic: ['due.tomorrow 2026-12-10'],
    });
    await remind('2026-12-12T12:00:00Z');
    await remind('2026-12-13T12:00:00Z');
    expect(await reminders()).toEqual({
      sam: ['due.tomorrow 2026-12-10', 'due.today 2026-12-10', 'due.tomorrow 2026-12-12', 'due.passed 2026-12-12'],
      vic: ['due.tomorrow 2026-12-10', 'due.today 2026-12-12', 'due.passed 2026-12-12'],
    });
    const rows = await t.db.notification.groupBy({ by: ['userId', 'key'], _count: true });
    expect(rows.every((r) => r._count === 1)).toBe(true);
  });
});
