import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createUser, signIn, startTestApp, TEST_PASSWORD, type TestContext } from './support/test-app';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ ALLOWED_ORIGINS: 'http://localhost:5173' });
});
afterAll(async () => t.close());

async function member() {
  const user = await createUser(t.db);
  const team = await createTeam(t.db, [{ userId: user.id, role: 'MEMBER' }]);
  return { user, team, cookie: await signIn(t.app, user.email) };
}

describe('writes from other sites (CSRF)', () => {
  it('refuses a cross-site form that would sign a person out, and the session lives on', async () => {
    const { cookie } = await member();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'FORBIDDEN',
      fields: [{ field: 'headers.origin', message: 'is not an allowed origin' }],
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('refuses a cross-site card change, leaving the card as it was', async () => {
    const { team, cookie } = await member();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/cards',
      headers: { cookie },
      payload: { columnId: team.board.columns[0]!.id, title: 'Launch e-mail', position: 'bottom' },
    });
    expect(created.statusCode).toBe(201);
    const { card } = created.json();
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: undefined, referer: 'https://evil.example/page' },
      { origin: undefined },
    ]) {
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/cards/${card.id}`,
        headers: { cookie, ...headers },
        payload: { version: card.version, title: 'Hijacked' },
      });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
    }
    expect((await t.db.card.findUniqueOrThrow({ where: { id: card.id } })).title).toBe('Launch e-mail');
  });

  it('refuses a sign-in from another site (login CSRF)', async () => {
    const user = await createUser(t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { origin: 'https://evil.example' },
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.cookies).toHaveLength(0);
  });

  it("accepts writes from the app's own origin, a configured one, or a same-origin Referer", async () => {
    const { team, cookie } = await member();
    const post = (headers: Record<string, string | undefined>, title: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/cards',
        headers: { cookie, ...headers },
        payload: { columnId: team.board.columns[0]!.id, title, position: 'bottom' },
      });
    expect((await post({ origin: 'http://localhost' }, 'Own origin')).statusCode).toBe(201);
    expect((await post({ origin: 'http://localhost:5173' }, 'Configured origin')).statusCode).toBe(201);
    expect(
      (await post({ origin: undefined, referer: 'http://localhost/teams/x/board' }, 'Referer only')).statusCode,
    ).toBe(201);
    // The own origin is the one the request was addressed to, not any localhost.
    expect((await post({ origin: 'http://localhost:8080' }, 'Another port')).statusCode).toBe(403);
  });

  it('lets reads through without an Origin', async () => {
    const { cookie } = await member();
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie, origin: undefined } })).statusCode,
    ).toBe(200);
  });
});
