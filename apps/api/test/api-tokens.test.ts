import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// Personal access tokens: a script acts as its person with exactly that person's access, read-only tokens cannot
// write, no Origin is needed, and a token stops at once when revoked, expired or its person deactivated.
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ TOKEN_RATE_LIMIT: '40' });
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const withCookie = (cookie: string, method: Method, url: string, payload?: object) =>
  t.app.inject({ method, url: `/api${url}`, headers: { cookie }, payload });
/** A script's request: a bearer token and no Origin, as curl sends it. */
const withToken = (token: string, method: Method, url: string, payload?: object) =>
  t.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${token}`, origin: undefined },
    payload,
  });

async function makeToken(cookie: string, body: object) {
  const res = await withCookie(cookie, 'POST', '/account/tokens', body);
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; token: string; access: string; expiresAt: string; prefix: string };
}

describe('API tokens', () => {
  it('act as their person: the same teams, no others, and no Origin needed', async () => {
    const marketer = await createUser(t.db);
    const team = await createTeam(t.db, [{ userId: marketer.id, role: 'MEMBER' }]);
    const otherTeam = await createTeam(t.db, []);
    const cookie = await signIn(t.app, marketer.email);
    const created = await makeToken(cookie, { name: 'Weekly report', access: 'write' });
    expect(created.token).toMatch(/^amb_pat_/);
    expect(created.prefix).toBe(created.token.slice(0, created.prefix.length));
    // A year from now at most, 90 days when not said.
    const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89);
    expect(days).toBeLessThanOrEqual(90);

    expect((await withToken(created.token, 'GET', '/auth/me')).json().user.id).toBe(marketer.id);
    expect((await withToken(created.token, 'GET', `/boards/${team.board.id}`)).statusCode).toBe(200);
    expect((await withToken(created.token, 'GET', `/boards/${otherTeam.board.id}`)).statusCode).toBe(404);
    const todo = team.board.columns.find((c) => c.name === 'To do')!.id;
    const card = await withToken(created.token, 'POST', '/cards', {
      boardId: team.board.id,
      columnId: todo,
      title: 'Made by a script',
    });
    expect(card.statusCode).toBe(201);
    // The card's history names the person, as for a change made in the browser.
    const created_ = await t.db.activity.findFirst({ where: { cardId: card.json().card.id, kind: 'card.created' } });
    expect(created_?.actorId).toBe(marketer.id);
    // The secret is never shown again, only its start.
    const list = (await withCookie(cookie, 'GET', '/account/tokens')).json();
    expect(list.tokens).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(created.token);
    expect(list.tokens[0].lastUsedAt).not.toBeNull();
  });

  it('refuses writes with a read-only token, naming the scope', async () => {
    const marketer = await createUser(t.db);
    const team = await createTeam(t.db, [{ userId: marketer.id, role: 'MEMBER' }]);
    const cookie = await signIn(t.app, marketer.email);
    const { token } = await makeToken(cookie, { name: 'Dashboard', access: 'read', expiresInDays: 30 });
    expect((await withToken(token, 'GET', `/boards/${team.board.id}`)).statusCode).toBe(200);
    const write = await withToken(token, 'POST', '/cards', {
      boardId: team.board.id,
      columnId: team.board.columns[0]!.id,
      title: 'Not allowed',
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.fields[0]).toMatchObject({ field: 'headers.authorization' });
    expect(write.json().error.fields[0].message).toContain('read-only');
    expect(await t.db.card.count({ where: { title: 'Not allowed' } })).toBe(0);
  });

  it('stop at once when revoked, expired, or their person is deactivated; a bad header is a 401 naming it', async () => {
    const admin = await createUser(t.db, { orgRole: 'ADMIN' });
    const marketer = await createUser(t.db);
    const adminCookie = await signIn(t.app, admin.email);
    const cookie = await signIn(t.app, marketer.email);
    const revoked = await makeToken(cookie, { name: 'Old script', access: 'read' });
    expect((await withCookie(cookie, 'DELETE', `/account/tokens/${revoked.id}`)).statusCode).toBe(200);
    expect((await withToken(revoked.token, 'GET', '/auth/me')).statusCode).toBe(401);

    const expiring = await makeToken(cookie, { name: 'Short lived', access: 'read', expiresInDays: 1 });
    await t.db.apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await withToken(expiring.token, 'GET', '/auth/me')).statusCode).toBe(401);

    const live = await makeToken(cookie, { name: 'Live', access: 'read' });
    expect((await withToken(live.token, 'GET', '/auth/me')).statusCode).toBe(200);
    // Admins see everyone's tokens and can revoke any; deactivating the person stops theirs too.
    const everyone = (await withCookie(adminCookie, 'GET', '/admin/tokens')).json();
    expect(everyone.tokens.map((x: { id: string }) => x.id)).toContain(live.id);
    expect((await withCookie(cookie, 'GET', '/admin/tokens')).statusCode).toBe(403);
    expect((await withCookie(adminCookie, 'POST', `/users/${marketer.id}/deactivate`)).statusCode).toBe(200);
    const after = await withToken(live.token, 'GET', '/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.fields[0].field).toBe('headers.authorization');

    const garbled = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Basic abc' } });
    expect(garbled.statusCode).toBe(401);
    expect(garbled.json().error.fields[0].field).toBe('headers.authorization');
  });

  it('cannot make or revoke tokens, and admins can revoke anyone’s; both are in the audit log', async () => {
    const admin = await createUser(t.db, { orgRole: 'ADMIN' });
    const marketer = await createUser(t.db);
    const adminCookie = await signIn(t.app, admin.email);
    const cookie = await signIn(t.app, marketer.email);
    const { id, token } = await makeToken(cookie, { name: 'CMS sync', access: 'write' });
    const minted = await withToken(token, 'POST', '/account/tokens', { name: 'Another', access: 'write' });
    expect(minted.statusCode).toBe(403);
    expect((await withToken(token, 'DELETE', `/account/tokens/${id}`)).statusCode).toBe(403);
    // Someone else's token is not found for a person, revocable for an admin.
    const other = await createUser(t.db);
    expect((await withCookie(await signIn(t.app, other.email), 'DELETE', `/account/tokens/${id}`)).statusCode).toBe(
      404,
    );
    expect((await withCookie(adminCookie, 'DELETE', `/admin/tokens/${id}`)).statusCode).toBe(200);
    expect((await withToken(token, 'GET', '/auth/me')).statusCode).toBe(401);
    const audit = (await withCookie(adminCookie, 'GET', '/admin/audit?limit=50')).json();
    const kinds = audit.entries
      .filter((e: { to?: { tokenId?: string }; from?: { tokenId?: string } }) => (e.to ?? e.from)?.tokenId === id)
      .map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['api-token.revoked', 'api-token.created']);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('refuses bad requests for a token with a 400 naming the field', async () => {
    const marketer = await createUser(t.db);
    const cookie = await signIn(t.app, marketer.email);
    const tooLong = await withCookie(cookie, 'POST', '/account/tokens', {
      name: 'x',
      access: 'read',
      expiresInDays: 400,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields[0].field).toBe('body.expiresInDays');
    const noName = await withCookie(cookie, 'POST', '/account/tokens', { name: ' ', access: 'read' });
    expect(noName.json().error.fields[0].field).toBe('body.name');
    const badScope = await withCookie(cookie, 'POST', '/account/tokens', { name: 'x', access: 'admin' });
    expect(badScope.json().error.fields[0].field).toBe('body.access');
  });

  it('limits each token on its own, reads included', async () => {
    const marketer = await createUser(t.db);
    const cookie = await signIn(t.app, marketer.email);
    const busy = await makeToken(cookie, { name: 'Busy', access: 'read' });
    const calm = await makeToken(cookie, { name: 'Calm', access: 'read' });
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await withToken(busy.token, 'GET', '/auth/me')).statusCode);
    expect(statuses.filter((s) => s === 429).length).toBe(5);
    expect((await withToken(calm.token, 'GET', '/auth/me')).statusCode).toBe(200);
    // The person's browser is not slowed by their script.
    expect((await withCookie(cookie, 'GET', '/auth/me')).statusCode).toBe(200);
  });

  it('is described in the API document as a second way to authenticate', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.components.securitySchemes.token).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ session: [] }, { token: [] }]);
  });
});
