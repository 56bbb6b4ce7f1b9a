import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { DEFAULT_COST_LOG2, hashPassword } from '../src/lib/passwords';
import { createUser, signIn, startTestApp, TEST_HASH_COST, TEST_PASSWORD, type TestContext } from './support/test-app';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ LOGIN_ACCOUNT_LIMIT: '3', LOGIN_LOCKOUT_MINUTES: '5' });
});
afterAll(async () => t.close());

const attempt = (email: string, password: string, remoteAddress?: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, ...(remoteAddress ? { remoteAddress } : {}) });

describe('lock-out per account', () => {
  it('locks an account after too many wrong passwords from any addresses, refusing even the right one', async () => {
    const user = await createUser(t.db);
    const statuses: number[] = [];
    // Each guess from a different address: the per-address limit does not see them as one client.
    for (let i = 0; i < 3; i++) statuses.push((await attempt(user.email, `wrong-guess-${i}`, `203.0.113.${i + 1}`)).statusCode);
    expect(statuses).toEqual([401, 401, 429]);
    const right = await attempt(user.email, TEST_PASSWORD, '203.0.113.9');
    expect(right.statusCode).toBe(429);
    expect(right.json().error).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringMatching(/try again in 5 minutes/) });
  });

  it('opens again when the window has passed, and a right password clears the count', async () => {
    const user = await createUser(t.db);
    for (let i = 0; i < 3; i++) await attempt(user.email, `wrong-guess-${i}`);
    await t.db.user.update({ where: { id: user.id }, data: { signInLockedUntil: new Date(Date.now() - 1000) } });
    expect((await attempt(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    await attempt(user.email, 'wrong-again-1');
    await attempt(user.email, 'wrong-again-2');
    expect((await attempt(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(0);
  });

  it('does not lock other accounts', async () => {
    const [a, b] = [await createUser(t.db), await createUser(t.db)];
    for (let i = 0; i < 3; i++) await attempt(a.email, `wrong-guess-${i}`);
    expect((await attempt(b.email, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('password hashing', () => {
  it("uses OWASP's scrypt cost (N=2^17) unless configured otherwise, and refuses less outside tests", async () => {
    expect(DEFAULT_COST_LOG2).toBe(17);
    expect(loadConfig({}).PASSWORD_HASH_COST).toBe(17);
    expect(await hashPassword('tangerine-ladder-42')).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(() => loadConfig({ PASSWORD_HASH_COST: '14' })).toThrow(/PASSWORD_HASH_COST: must be at least 17 outside tests/);
    expect(() => loadConfig({ NODE_ENV: 'production', PASSWORD_HASH_COST: '12' })).toThrow(/PASSWORD_HASH_COST/);
  });

  it('replaces an older, cheaper hash at the next sign-in', async () => {
    const user = await createUser(t.db);
    const old = await hashPassword(TEST_PASSWORD, TEST_HASH_COST - 2);
    await t.db.user.update({ where: { id: user.id }, data: { passwordHash: old } });
    await signIn(t.app, user.email);
    const { passwordHash } = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(passwordHash).not.toBe(old);
    expect(passwordHash).toMatch(new RegExp(`^scrypt\\$${2 ** TEST_HASH_COST}\\$`));
    // The new hash works.
    await signIn(t.app, user.email);
  });

  it('upgrades to the production cost when the app runs with its default', async () => {
    const production = await startTestApp({ PASSWORD_HASH_COST: undefined as unknown as string });
    try {
      expect(production.app.config.PASSWORD_HASH_COST).toBe(17);
      const user = await createUser(production.db);
      await signIn(production.app, user.email);
      expect((await production.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toMatch(/^scrypt\$131072\$/);
    } finally {
      await production.close();
    }
  });
});

describe('choosing a password', () => {
  it.each([
    ['password123', /most common/],
    ['new-person@example.test', /e-mail/],
  ])('refuses %s at sign-up with 400 naming body.password', async (password, message) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: { email: 'new-person@example.test', name: 'New', password } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'body.password', message: expect.stringMatching(message) }]);
  });
});

describe('session lifetime', () => {
  it('ends a session at its absolute lifetime however recently it was used', async () => {
    const user = await createUser(t.db);
    const cookie = await signIn(t.app, user.email);
    const maxHours = t.app.config.SESSION_MAX_HOURS;
    // Still within the sliding window (used a minute ago), but begun longer ago than the absolute lifetime.
    await t.db.session.updateMany({
      where: { userId: user.id },
      data: { createdAt: new Date(Date.now() - maxHours * 3600_000 - 1000), lastSeenAt: new Date(Date.now() - 60_000) },
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('does not extend a session past its absolute lifetime when renewing it', async () => {
    const user = await createUser(t.db);
    const cookie = await signIn(t.app, user.email);
    const createdAt = new Date(Date.now() - (t.app.config.SESSION_MAX_HOURS - 1) * 3600_000);
    await t.db.session.updateMany({ where: { userId: user.id }, data: { createdAt, lastSeenAt: new Date(Date.now() - 2 * 3600_000) } });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const [session] = await t.db.session.findMany({ where: { userId: user.id } });
    expect(session!.expiresAt.getTime()).toBeLessThanOrEqual(createdAt.getTime() + t.app.config.SESSION_MAX_HOURS * 3600_000);
  });
});
