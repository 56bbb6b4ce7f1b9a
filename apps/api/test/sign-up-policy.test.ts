import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher } from './support/mail-catcher';
import { startTestApp, type TestContext } from './support/test-app';

// Who may create an account without an invitation, on a fresh install with a mail server configured.
let t: TestContext;
let mail: Awaited<ReturnType<typeof startMailCatcher>>;
let adminCookie: string;

beforeAll(async () => {
  mail = await startMailCatcher();
  t = await startTestApp({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mail.port),
    PUBLIC_URL: 'https://board.example.test',
  });
});
afterAll(async () => {
  await t.close();
  await mail.close();
});

const signUp = (email: string, name = 'Someone') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-up',
    payload: { email, name, password: 'long-enough-password' },
  });
const status = async () => (await t.app.inject({ method: 'GET', url: '/api/auth/sign-up-status' })).json();
const setPolicy = (payload: object) =>
  t.app.inject({ method: 'PUT', url: '/api/admin/sign-up-settings', headers: { cookie: adminCookie }, payload });
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
const cookieOf = (res: Awaited<ReturnType<typeof signUp>>) =>
  `amb_session=${res.cookies.find((c) => c.name === 'amb_session')!.value}`;

describe('sign-up policy', () => {
  it('lets the first account in on a fresh install, as admin, then is invitation-only', async () => {
    expect(await status()).toEqual({ firstRun: true, signUpPolicy: 'INVITATION_ONLY', allowedDomains: [] });
    const first = await signUp('owner@acme.test', 'Olivia Owner');
    expect(first.statusCode).toBe(201);
    expect(first.json().user.orgRole).toBe('ADMIN');
    adminCookie = cookieOf(first);
    expect(await status()).toMatchObject({ firstRun: false, signUpPolicy: 'INVITATION_ONLY' });

    const second = await signUp('second@acme.test');
    expect(second.statusCode).toBe(403);
    expect(second.json().error.code).toBe('SIGN_UP_CLOSED');
    expect(await t.db.user.count()).toBe(1);
  });

  it('under the open policy, lets anyone sign up and records the change', async () => {
    expect((await setPolicy({ signUpPolicy: 'OPEN' })).json()).toEqual({ signUpPolicy: 'OPEN', allowedDomains: [] });
    const res = await signUp('newcomer@elsewhere.test', 'Nina Newcomer');
    expect(res.statusCode).toBe(201);
    expect((await me(cookieOf(res))).json().user.email).toBe('newcomer@elsewhere.test');
    const entry = await t.db.activity.findFirst({
      where: { kind: 'settings.sign-up-policy.changed' },
      orderBy: { id: 'desc' },
    });
    expect(entry?.to).toEqual({ signUpPolicy: 'OPEN', allowedDomains: [] });
  });

  it('answers a sign-up with a taken address exactly like a new one, opens no session and tells the owner by mail', async () => {
    const fresh = await signUp('fresh@elsewhere.test', 'Probe');
    const taken = await signUp('owner@acme.test', 'Probe');
    expect(taken.statusCode).toBe(fresh.statusCode);
    const shape = (body: { user: object; memberships: unknown[] }) => ({
      user: Object.keys(body.user).sort(),
      memberships: body.memberships,
    });
    expect(shape(taken.json())).toEqual(shape(fresh.json()));
    expect(taken.json().user).toMatchObject({ email: 'owner@acme.test', name: 'Probe', orgRole: 'NONE' });
    expect(taken.json().user.id).not.toBe(
      (await t.db.user.findUniqueOrThrow({ where: { email: 'owner@acme.test' } })).id,
    );
    // A cookie is set in both cases, with the same attributes; the decoy one opens nothing.
    const attrs = (res: typeof fresh) => {
      const c = res.cookies.find((x) => x.name === 'amb_session')!;
      return { httpOnly: c.httpOnly, sameSite: c.sameSite, path: c.path, length: c.value.length };
    };
    expect(attrs(taken)).toEqual(attrs(fresh));
    expect((await me(cookieOf(taken))).statusCode).toBe(401);
    // The account is untouched: its name and password are what they were.
    expect((await t.db.user.findUniqueOrThrow({ where: { email: 'owner@acme.test' } })).name).toBe('Olivia Owner');

    const notice = await mail.next();
    expect(notice.to).toEqual(['owner@acme.test']);
    expect(notice.raw).toContain('Someone tried to create an account with your address');
    expect(notice.raw).toContain('https://board.example.test/sign-in');
  });

  it('limited to domains, lets those addresses in and refuses others naming the field', async () => {
    const set = await setPolicy({
      signUpPolicy: 'DOMAINS',
      allowedDomains: [' Acme.test ', 'partner.test', 'acme.test'],
    });
    expect(set.json()).toEqual({ signUpPolicy: 'DOMAINS', allowedDomains: ['acme.test', 'partner.test'] });
    expect(await status()).toEqual({
      firstRun: false,
      signUpPolicy: 'DOMAINS',
      allowedDomains: ['acme.test', 'partner.test'],
    });
    expect((await signUp('dana@partner.test')).statusCode).toBe(201);
    const refused = await signUp('eve@evil.test');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'SIGN_UP_CLOSED', fields: [{ field: 'body.email' }] });
    // A taken address at an allowed domain gets the same answer as a new one there.
    const taken = await signUp('dana@partner.test', 'Probe');
    expect(taken.statusCode).toBe(201);
    expect((await me(cookieOf(taken))).statusCode).toBe(401);
    expect((await mail.next()).to).toEqual(['dana@partner.test']);
  });

  it.each([
    [{ signUpPolicy: 'DOMAINS', allowedDomains: ['not a domain'] }, 'body.allowedDomains.0'],
    [{ signUpPolicy: 'DOMAINS', allowedDomains: ['@acme.test'] }, 'body.allowedDomains.0'],
    [{ signUpPolicy: 'DOMAINS', allowedDomains: [] }, 'body.allowedDomains'],
    [{ signUpPolicy: 'SOMETIMES' }, 'body.signUpPolicy'],
  ])('refuses settings %j with 400 naming %s', async (payload, field) => {
    const res = await setPolicy(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('closes sign-up without an invitation when ALLOW_SIGN_UP is false, whatever the policy', async () => {
    const closed = await startTestApp({ ALLOW_SIGN_UP: 'false' });
    try {
      const first = await closed.app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        payload: { email: 'a@x.test', name: 'A', password: 'long-enough-password' },
      });
      expect(first.statusCode).toBe(201);
      await closed.db.orgSettings.update({ where: { id: 1 }, data: { signUpPolicy: 'OPEN' } });
      const second = await closed.app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        payload: { email: 'b@x.test', name: 'B', password: 'long-enough-password' },
      });
      expect(second.statusCode).toBe(403);
      expect((await closed.app.inject({ method: 'GET', url: '/api/auth/sign-up-status' })).json().signUpPolicy).toBe(
        'INVITATION_ONLY',
      );
    } finally {
      await closed.close();
    }
  });
});
