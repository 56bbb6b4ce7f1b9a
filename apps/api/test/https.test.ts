import { afterEach, describe, expect, it } from 'vitest';
import { createUser, startTestApp, TEST_PASSWORD, type TestContext } from './support/test-app';

let t: TestContext | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const signInCookie = async (ctx: TestContext, headers: Record<string, string> = {}) => {
  const user = await createUser(ctx.db);
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers,
    payload: { email: user.email, password: TEST_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  return res.cookies.find((c) => c.name === 'amb_session')!;
};

describe('served over plain HTTP (the default)', () => {
  it('does not tell browsers to upgrade requests to HTTPS, nor send HSTS', async () => {
    t = await startTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sets a session cookie that is not Secure, and ignores X-Forwarded-Proto from an untrusted client', async () => {
    t = await startTestApp();
    expect((await signInCookie(t)).secure).toBeFalsy();
    expect((await signInCookie(t, { 'x-forwarded-proto': 'https' })).secure).toBeFalsy();
  });
});

describe('served over HTTPS', () => {
  it('with an https PUBLIC_URL: upgrade-insecure-requests, HSTS and a Secure cookie', async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://board.example.test' });
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect((await signInCookie(t, { origin: 'https://board.example.test' })).secure).toBe(true);
  });

  it('behind a trusted proxy that terminates TLS: the cookie is Secure when the proxy says https', async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback' });
    const headers = {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'board.example.test',
      origin: 'https://board.example.test',
    };
    expect((await signInCookie(t, headers)).secure).toBe(true);
    expect((await signInCookie(t)).secure).toBeFalsy();
  });
});
