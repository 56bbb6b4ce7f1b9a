import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCards } from './support/board-fixtures';
import { watchEvents } from './support/event-stream';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// How the board travels: compressed for browsers that take it, a validator so an unchanged board is not sent again,
// and live streams never compressed (a compressor would hold their messages back).

describe('the board’s answer on the wire', () => {
  let t: TestContext;
  let cookie: string;
  let team: Awaited<ReturnType<typeof createTeam>>;
  const board = (headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/boards/${team.board.id}`, headers: { cookie, ...headers } });

  beforeAll(async () => {
    t = await startTestApp();
    const member = await createUser(t.db);
    team = await createTeam(t.db, [{ userId: member.id, role: 'MEMBER' }]);
    cookie = await signIn(t.app, member.email);
    await addCards(t.db, team.board.id, team.board.columns[1]!.id, 40, 'A card with a title long enough to matter.');
  });
  afterAll(() => t?.close());

  it('is compressed with brotli or gzip when the browser takes it, and the same board once unpacked', async () => {
    const plain = await board();
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await board({ 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    const gzip = await board({ 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());
  });

  it('answers 304 Not Modified to a browser holding the same board, and the new board once a card moves', async () => {
    const first = await board();
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const again = await board({ 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // A list of validators, one of them this board's, matches as well; another board's does not.
    expect((await board({ 'if-none-match': `W/"elsewhere", ${etag}` })).statusCode).toBe(304);
    expect((await board({ 'if-none-match': 'W/"elsewhere"' })).statusCode).toBe(200);

    const card = first.json().cards[0] as { id: string; version: number };
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${card.id}/move`,
      headers: { cookie },
      payload: { columnId: team.board.columns[2]!.id, afterCardId: null, version: card.version },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const changed = await board({ 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.json().cards.find((c: { id: string }) => c.id === card.id).columnId).toBe(team.board.columns[2]!.id);
  });

  it('does not unpack a compressed request body (a small one can hold gigabytes)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cards',
      headers: { cookie, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(JSON.stringify({ columnId: team.board.columns[1]!.id, title: 'Packed', position: 'top' })),
    });
    expect(res.statusCode).toBe(400);
    expect(await t.db.card.count({ where: { title: 'Packed' } })).toBe(0);
  });

  it('never compresses a live stream, whatever the browser takes', async () => {
    const baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const stream = await watchEvents(`${baseUrl}/api/boards/${team.board.id}/events`, cookie, {
      'accept-encoding': 'br, gzip',
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-encoding')).toBeNull();
    stream.close();
  });
});
