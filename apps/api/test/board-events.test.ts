import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@amb/shared/errors';
import { buildApp, type App } from '../src/app';
import { loadConfig } from '../src/config';
import { createPrisma } from '../src/db/prisma';
import { addCards, httpClient } from './support/board-fixtures';
import { watch } from './support/event-stream';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

describe('live board updates', () => {
  let t: TestContext;
  let baseUrl: string;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let watcherCookie: string;
  let moverCookie: string;
  let outsiderCookie: string;

  beforeAll(async () => {
    t = await startTestApp();
    const watcher = await createUser(t.db);
    const mover = await createUser(t.db);
    const outsider = await createUser(t.db);
    team = await createTeam(t.db, [
      { userId: watcher.id, role: 'VIEWER' },
      { userId: mover.id, role: 'MEMBER' },
    ]);
    watcherCookie = await signIn(t.app, watcher.email);
    moverCookie = await signIn(t.app, mover.email);
    outsiderCookie = await signIn(t.app, outsider.email);
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => t.close());

  const column = (name: string) => team.board.columns.find((c) => c.name === name)!;

  it('shows another person’s move to a watcher as it happens', async () => {
    const [card] = await addCards(t.db, team.board.id, column('Backlog').id, 1, 'Live');
    // The stream answers only once it is subscribed, so the move below cannot slip past it.
    const stream = await watch(`${baseUrl}/api/boards/${team.board.id}/events`, watcherCookie);
    expect(stream.status).toBe(200);
    const res = await httpClient(baseUrl, moverCookie)('POST', `/cards/${card!.id}/move`, {
      columnId: column('To do').id,
      afterCardId: null,
      version: 1,
    });
    expect(res.status).toBe(200);
    const { event } = await stream.until((e) => e.cardId === card!.id);
    expect(event.kind).toBe('card.moved');
    expect(event.card).toMatchObject({ id: card!.id, columnId: column('To do').id, version: 2 });
    stream.close();
  });

  it('catches a reconnecting client up on what it missed', async () => {
    const before = (await t.db.activityCommit.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
    const [card] = await addCards(t.db, team.board.id, column('Backlog').id, 1, 'Missed');
    const call = httpClient(baseUrl, moverCookie);
    await call('POST', `/cards/${card!.id}/move`, {
      columnId: column('In progress').id,
      afterCardId: null,
      version: 1,
    });
    await call('PATCH', `/cards/${card!.id}`, { version: 2, title: 'Missed, then renamed' });
    const stream = await watch(`${baseUrl}/api/boards/${team.board.id}/events`, watcherCookie, {
      'last-event-id': String(before),
    });
    const { event } = await stream.until((e) => e.cardId === card!.id);
    // One event per card, carrying its state now.
    expect(event.card).toMatchObject({ title: 'Missed, then renamed', columnId: column('In progress').id, version: 3 });
    expect(stream.events.filter((e) => e.cardId === card!.id)).toHaveLength(1);
    stream.close();
  });

  it('tells watchers to reload when the columns change, and that an archived card left', async () => {
    const stream = await watch(`${baseUrl}/api/boards/${team.board.id}/events`, watcherCookie);
    const [card] = await addCards(t.db, team.board.id, column('Backlog').id, 1, 'Leaving');
    await httpClient(baseUrl, moverCookie)('POST', `/cards/${card!.id}/archive`, { version: 1 });
    const { event } = await stream.until((e) => e.cardId === card!.id);
    expect(event.card).toBeNull();
    await t.db.activity.create({ data: { boardId: team.board.id, kind: 'column.created' } });
    await stream.until((e) => e.reload);
    stream.close();
  });

  it('refuses people who may not see the board, before streaming', async () => {
    const outsider = await fetch(`${baseUrl}/api/boards/${team.board.id}/events`, {
      headers: { cookie: outsiderCookie },
    });
    expect(outsider.status).toBe(404);
    expect(((await outsider.json()) as ErrorBody).error.code).toBe('NOT_FOUND');
    const anonymous = await fetch(`${baseUrl}/api/boards/${team.board.id}/events`);
    expect(anonymous.status).toBe(401);
    const bad = await fetch(`${baseUrl}/api/boards/${team.board.id}/events?after=yesterday`, {
      headers: { cookie: watcherCookie },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.fields![0]!.field).toBe('querystring.after');
  });

  // Two API processes behind a load balancer: a write through one reaches a watcher of the other.
  // The embedded database serves a single process, so this needs PostgreSQL.
  it.skipIf(!process.env.DATABASE_URL)('keeps two API processes in sync through PostgreSQL LISTEN/NOTIFY', async () => {
    const second = createPrisma(t.database.url, 5);
    const other: App = await buildApp({
      config: loadConfig({
        DATABASE_URL: t.database.url,
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
        WEB_DIST_DIR: '/nonexistent',
      }),
      db: second,
    });
    const otherUrl = await other.listen({ host: '127.0.0.1', port: 0 });
    try {
      const [card] = await addCards(t.db, team.board.id, column('Backlog').id, 1, 'Across');
      const stream = await watch(`${otherUrl}/api/boards/${team.board.id}/events`, watcherCookie);
      expect(stream.status).toBe(200);
      const res = await httpClient(baseUrl, moverCookie)('POST', `/cards/${card!.id}/move`, {
        columnId: column('Review').id,
        afterCardId: null,
        version: 1,
      });
      expect(res.status).toBe(200);
      const { event } = await stream.until((e) => e.cardId === card!.id);
      expect(event.card?.columnId).toBe(column('Review').id);
      stream.close();
    } finally {
      await other.close();
      await second.$disconnect();
    }
  });
});

describe('live streams re-check access', () => {
  let t: TestContext;
  let baseUrl: string;

  beforeAll(async () => {
    // The periodic check is far off here: what closes these streams is the change itself, heard from the database
    // (LISTEN/NOTIFY on PostgreSQL, whichever process wrote it; the access_changes table on the embedded one).
    t = await startTestApp({
      STREAM_RECHECK_SECONDS: '30',
      STREAM_LIMIT_PER_PERSON: '2',
      STREAM_LIMIT_PER_PROCESS: '5',
    });
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => t.close());

  async function watcherOf(role: 'VIEWER' | 'MEMBER' = 'VIEWER') {
    const watcher = await createUser(t.db);
    const mover = await createUser(t.db);
    const team = await createTeam(t.db, [
      { userId: watcher.id, role },
      { userId: mover.id, role: 'MEMBER' },
    ]);
    const cookie = await signIn(t.app, watcher.email);
    const moverCall = httpClient(baseUrl, await signIn(t.app, mover.email));
    const [card] = await addCards(t.db, team.board.id, team.board.columns[0]!.id, 1, 'Watched');
    const url = `${baseUrl}/api/boards/${team.board.id}/events`;
    return { watcher, team, cookie, card: card!, moverCall, url };
  }

  it('closes the stream of a person removed from the team, who then sees none of its changes', async () => {
    const { watcher, team, cookie, card, moverCall, url } = await watcherOf();
    const stream = await watch(url, cookie);
    expect(stream.status).toBe(200);
    await moverCall('PATCH', `/cards/${card.id}`, { version: card.version, title: 'Seen while a member' });
    await stream.until((e) => e.card?.title === 'Seen while a member');
    await t.db.membership.deleteMany({ where: { userId: watcher.id, teamId: team.id } });
    expect(await stream.closedByServer()).toBe('access');
    await moverCall('PATCH', `/cards/${card.id}`, { version: card.version + 1, title: 'After the removal' });
    expect(stream.events.some((e) => e.card?.title === 'After the removal')).toBe(false);
    // Reconnecting is refused as for anyone outside the team.
    expect((await fetch(url, { headers: { cookie } })).status).toBe(404);
  });

  it('closes the stream when the person signs out (in another tab: the same session)', async () => {
    const { cookie, url } = await watcherOf();
    const stream = await watch(url, cookie);
    expect(stream.status).toBe(200);
    expect((await httpClient(baseUrl, cookie)('POST', '/auth/sign-out')).status).toBe(200);
    expect(await stream.closedByServer()).toBe('signed-out');
  });

  it('keeps the streams of people whose access did not change', async () => {
    const a = await watcherOf();
    const b = await watcherOf();
    const streamA = await watch(a.url, a.cookie);
    const streamB = await watch(b.url, b.cookie);
    await t.db.membership.deleteMany({ where: { userId: a.watcher.id } });
    await streamA.closedByServer();
    await b.moverCall('PATCH', `/cards/${b.card.id}`, { version: b.card.version, title: 'Still watched' });
    await streamB.until((e) => e.card?.title === 'Still watched');
    streamB.close();
  });

  it('caps the streams one person may hold open, and the streams of the process', async () => {
    const { cookie, url } = await watcherOf();
    const open = [await watch(url, cookie), await watch(url, cookie)];
    const third = await fetch(url, { headers: { cookie } });
    expect(third.status).toBe(429);
    expect(((await third.json()) as ErrorBody).error.code).toBe('RATE_LIMITED');
    const others = [await watcherOf(), await watcherOf()];
    open.push(await watch(others[0]!.url, others[0]!.cookie), await watch(others[0]!.url, others[0]!.cookie));
    open.push(await watch(others[1]!.url, others[1]!.cookie));
    expect(open.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    const overProcess = await fetch(others[1]!.url, { headers: { cookie: others[1]!.cookie } });
    expect(overProcess.status).toBe(429);
    open.forEach((s) => s.close());
  });
});

describe('live streams whose session ends quietly', () => {
  it('are closed by the periodic check', async () => {
    const t = await startTestApp({ STREAM_RECHECK_SECONDS: '1' });
    try {
      const baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
      const watcher = await createUser(t.db);
      const team = await createTeam(t.db, [{ userId: watcher.id, role: 'VIEWER' }]);
      const stream = await watch(`${baseUrl}/api/boards/${team.board.id}/events`, await signIn(t.app, watcher.email));
      expect(stream.status).toBe(200);
      // Expiry is a time passing, not a write: only the periodic check can notice it.
      await t.db.session.updateMany({
        where: { userId: watcher.id },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      expect(await stream.closedByServer()).toBe('signed-out');
    } finally {
      await t.close();
    }
  });
});
