import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, startTestApp, TEST_PASSWORD, type TestContext } from './support/test-app';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('sign-up', () => {
  it('makes the first account of an empty installation its admin, and signs it in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email: ' First@Example.test ', name: 'First Person', password: 'long-enough-password' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ email: 'first@example.test', orgRole: 'ADMIN' });
    const cookie = res.cookies.find((c) => c.name === 'amb_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `amb_session=${cookie!.value}` },
    });
    expect(me.json().user.name).toBe('First Person');
  });

  it('gives later accounts no organisation role', async () => {
    await t.db.orgSettings.update({ where: { id: 1 }, data: { signUpPolicy: 'OPEN' } });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email: 'second@example.test', name: 'Second', password: 'long-enough-password' },
    });
    expect(res.json().user.orgRole).toBe('NONE');
  });

  it.each([
    [{ email: 'not-an-email', name: 'X', password: 'long-enough-password' }, 'body.email'],
    [{ email: 'a@b.test', name: '', password: 'long-enough-password' }, 'body.name'],
    [{ email: 'a@b.test', name: 'X', password: 'short' }, 'body.password'],
    [{ email: 'a@b.test', name: 'X' }, 'body.password'],
  ])('rejects %j with 400 naming %s', async (payload, field) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-up', payload });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with the right password and out again, ending the session on the server', async () => {
    const user = await createUser(t.db);
    const cookie = await signIn(t.app, user.email);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    // The old cookie no longer works even if a client keeps it.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const user = await createUser(t.db);
    for (const payload of [
      { email: user.email, password: 'wrong-password' },
      { email: 'nobody@example.test', password: TEST_PASSWORD },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({ code: 'INVALID_CREDENTIALS', message: 'The email or the password is wrong' });
    }
  });

  it('does not accept an expired session', async () => {
    const user = await createUser(t.db);
    const cookie = await signIn(t.app, user.email);
    await t.db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('stores only a hash of the session token', async () => {
    const user = await createUser(t.db);
    const cookie = await signIn(t.app, user.email);
    const token = cookie.split('=')[1]!;
    const sessions = await t.db.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.id).not.toContain(token);
    expect(sessions[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('login rate limiting', () => {
  const guess = (ctx: TestContext, forwardedFor?: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'x@example.test', password: 'whatever-it-is' },
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });

  it('answers 429 once a client exceeds the sign-in limit', async () => {
    const limited = await startTestApp({ LOGIN_RATE_LIMIT: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await guess(limited)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('is not bypassed by a forged X-Forwarded-For when no proxy is trusted (the default)', async () => {
    const limited = await startTestApp({ LOGIN_RATE_LIMIT: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await guess(limited, `203.0.113.${i + 1}`)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it("keys the limit on the proxy's X-Forwarded-For only when that proxy is configured as trusted", async () => {
    const behindProxy = await startTestApp({ LOGIN_RATE_LIMIT: '3', TRUST_PROXY: '127.0.0.1' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await guess(behindProxy, `203.0.113.${i + 1}`)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      for (let i = 0; i < 3; i++) await guess(behindProxy, '198.51.100.7');
      expect((await guess(behindProxy, '198.51.100.7')).statusCode).toBe(429);
    } finally {
      await behindProxy.close();
    }
  });
});
