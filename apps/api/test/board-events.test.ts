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

  it('shows another person’s move to a watcher within a second', async () => {
    const [card] = await addCards(t.db, team.board.id, column('Backlog').id, 1, 'Live');
    const stream = await watch(`${baseUrl}/api/boards/${team.board.id}/events`, watcherCookie);
    expect(stream.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100)); // let the subscription settle
    const res = await httpClient(baseUrl, moverCookie)('POST', `/cards/${card!.id}/move`, { columnId: column('To do').id, afterCardId: null, version: 1 });
    expect(res.status).toBe(200);
    const { event, ms } = await stream.until((e) => e.cardId === card!.id, 1000);
    expect(event.kind).toBe('card.moved');
    expect(event.card).toMatchObject({ id: card!.id, columnId: column('To do').id, version: 2 });
    expect(ms).toBeLessThan(1000);
    stream.close();
  });

  it('catches a reconnecting client up on what it missed', async () => {
    const before = (await t.db.activityCommit.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
    const [card] = await addCards(t.db, team.board.id, column('Backlog').id, 1, 'Missed');
    const call = httpClient(baseUrl, moverCookie);
    await call('POST', `/cards/${card!.id}/move`, { columnId: column('In progress').id, afterCardId: null, version: 1 });
    await call('PATCH', `/cards/${card!.id}`, { version: 2, title: 'Missed, then renamed' });
    const stream = await watch(`${baseUrl}/api/boards/${team.board.id}/events`, watcherCookie, { 'last-event-id': String(before) });
    const { event } = await stream.until((e) => e.cardId === card!.id);
    // One event per card, carrying its state now.
    expect(event.card).toMatchObject({ title: 'Missed, then renamed', columnId: column('In progress').id, version: 3 });
    expect(stream.events.filter((e) => e.cardId === card!.id)).toHaveLength(1);
    stream.close();
  });

  it('tells watchers to reload when the columns change, and that an archived card left', async () => {
    const stream = await watch(`${baseUrl}/api/boards/${team.board.id}/events`, watcherCookie);
    await new Promise((r) => setTimeout(r, 100));
    const [card] = await addCards(t.db, team.board.id, column('Backlog').id, 1, 'Leaving');
    await httpClient(baseUrl, moverCookie)('POST', `/cards/${card!.id}/archive`, { version: 1 });
    const { event } = await stream.until((e) => e.cardId === card!.id);
    expect(event.card).toBeNull();
    await t.db.activity.create({ data: { boardId: team.board.id, kind: 'column.created' } });
    await stream.until((e) => e.reload);
    stream.close();
  });

  it('refuses people who may not see the board, before streaming', async () => {
    const outsider = await fetch(`${baseUrl}/api/boards/${team.board.id}/events`, { headers: { cookie: outsiderCookie } });
    expect(outsider.status).toBe(404);
    expect(((await outsider.json()) as ErrorBody).error.code).toBe('NOT_FOUND');
    const anonymous = await fetch(`${baseUrl}/api/boards/${team.board.id}/events`);
    expect(anonymous.status).toBe(401);
    const bad = await fetch(`${baseUrl}/api/boards/${team.board.id}/events?after=yesterday`, { headers: { cookie: watcherCookie } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.fields![0]!.field).toBe('querystring.after');
  });

  // Two API processes behind a load balancer: a write through one reaches a watcher of the other.
  // The embedded database serves a single process, so this needs PostgreSQL.
  it.skipIf(!process.env.DATABASE_URL)('keeps two API processes in sync through PostgreSQL LISTEN/NOTIFY', async () => {
    const second = createPrisma(t.database.url, 5);
    const other: App = await buildApp({ config: loadConfig({ DATABASE_URL: t.database.url, LOG_LEVEL: 'silent', NODE_ENV: 'test', WEB_DIST_DIR: '/nonexistent' }), db: second });
    const otherUrl = await other.listen({ host: '127.0.0.1', port: 0 });
    try {
      const [card] = await addCards(t.db, team.board.id, column('Backlog').id, 1, 'Across');
      const stream = await watch(`${otherUrl}/api/boards/${team.board.id}/events`, watcherCookie);
      expect(stream.status).toBe(200);
      await new Promise((r) => setTimeout(r, 200));
      const res = await httpClient(baseUrl, moverCookie)('POST', `/cards/${card!.id}/move`, { columnId: column('Review').id, afterCardId: null, version: 1 });
      expect(res.status).toBe(200);
      const { event } = await stream.until((e) => e.cardId === card!.id, 1000);
      expect(event.card?.columnId).toBe(column('Review').id);
      stream.close();
    } finally {
      await other.close();
      await second.$disconnect();
    }
  });
});
