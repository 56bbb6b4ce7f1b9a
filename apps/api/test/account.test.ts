import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, startTestApp, TEST_PASSWORD, type TestContext } from './support/test-app';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const call = (cookie: string, method: 'GET' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api${url}`, headers: { cookie, 'user-agent': 'Test browser' }, payload });

describe('account settings', () => {
  it('changes one’s own name', async () => {
    const person = await createUser(t.db);
    const cookie = await signIn(t.app, person.email);
    expect((await call(cookie, 'PATCH', '/account', { name: ' Renée ' })).json().user.name).toBe('Renée');
    expect((await call(cookie, 'PATCH', '/account', { name: '' })).json().error.fields[0].field).toBe('body.name');
  });

  it('changes the password only with the current one, and ends the other sessions', async () => {
    const person = await createUser(t.db);
    const here = await signIn(t.app, person.email);
    const elsewhere = await signIn(t.app, person.email);
    const wrong = await call(here, 'PUT', '/account/password', {
      currentPassword: 'not-my-password',
      newPassword: 'a-brand-new-password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([{ field: 'body.currentPassword', message: 'is wrong' }]);
    const short = await call(here, 'PUT', '/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(short.json().error.fields[0].field).toBe('body.newPassword');

    const ok = await call(here, 'PUT', '/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a-brand-new-password',
    });
    expect(ok.json()).toEqual({ endedSessions: 1 });
    expect((await call(here, 'GET', '/auth/me')).statusCode).toBe(200);
    expect((await call(elsewhere, 'GET', '/auth/me')).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { email: person.email, password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(401);
    await signIn(t.app, person.email, 'a-brand-new-password');
  });

  it('lists one’s own sessions, current first, and ends one of them', async () => {
    const person = await createUser(t.db);
    const other = await createUser(t.db);
    const here = await signIn(t.app, person.email);
    const elsewhere = await signIn(t.app, person.email);
    const othersCookie = await signIn(t.app, other.email);
    const sessions = (await call(here, 'GET', '/account/sessions')).json().sessions;
    expect(sessions).toHaveLength(2);
    expect(sessions[0].current).toBe(true);
    expect(sessions[1].current).toBe(false);
    // Someone else cannot end it: to them it does not exist.
    expect((await call(othersCookie, 'DELETE', `/account/sessions/${sessions[1].id}`)).statusCode).toBe(404);
    expect((await call(elsewhere, 'GET', '/auth/me')).statusCode).toBe(200);
    expect((await call(here, 'DELETE', `/account/sessions/${sessions[1].id}`)).statusCode).toBe(200);
    expect((await call(elsewhere, 'GET', '/auth/me')).statusCode).toBe(401);
    expect((await call(here, 'GET', '/auth/me')).statusCode).toBe(200);
    expect((await call(here, 'DELETE', '/account/sessions/xyz')).json().error.fields[0].field).toBe('params.sessionId');
  });
});
