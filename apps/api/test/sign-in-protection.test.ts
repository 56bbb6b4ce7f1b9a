import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { DEFAULT_COST_LOG2, hashPassword } from '../src/lib/passwords';
import { newInvitationToken } from '../src/services/invitations/invitation-token';
import {
  createTeam,
  createUser,
  signIn,
  startTestApp,
  TEST_HASH_COST,
  TEST_PASSWORD,
  type TestContext,
} from './support/test-app';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ LOGIN_ACCOUNT_LIMIT: '3', LOGIN_LOCKOUT_MINUTES: '5' });
});
afterAll(async () => t.close());

const attempt = (email: string, password: string, remoteAddress?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
    ...(remoteAddress ? { remoteAddress } : {}),
  });

describe('lock-out per account', () => {
  it('locks an account after too many wrong passwords from any addresses, refusing even the right one', async () => {
    const user = await createUser(t.db);
    const statuses: number[] = [];
    // Each guess from a different address: the per-address limit does not see them as one client.
    for (let i = 0; i < 3; i++)
      statuses.push((await attempt(user.email, `wrong-guess-${i}`, `203.0.113.${i + 1}`)).statusCode);
    expect(statuses).toEqual([401, 401, 429]);
    const right = await attempt(user.email, TEST_PASSWORD, '203.0.113.9');
    expect(right.statusCode).toBe(429);
    expect(right.json().error).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      message: expect.stringMatching(/try again in 5 minutes/),
    });
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
    expect(() => loadConfig({ PASSWORD_HASH_COST: '14' })).toThrow(
      /PASSWORD_HASH_COST: must be at least 17 outside tests/,
    );
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
      expect((await production.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toMatch(
        /^scrypt\$131072\$/,
      );
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
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email: 'new-person@example.test', name: 'New', password },
    });
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
    await t.db.session.updateMany({
      where: { userId: user.id },
      data: { createdAt, lastSeenAt: new Date(Date.now() - 2 * 3600_000) },
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const [session] = await t.db.session.findMany({ where: { userId: user.id } });
    expect(session!.expiresAt.getTime()).toBeLessThanOrEqual(
      createdAt.getTime() + t.app.config.SESSION_MAX_HOURS * 3600_000,
    );
  });
});

// Joining a team with an existing account takes that account's password: it is a sign-in by another door, and
// shares the per-address limit and the account's lock with the sign-in route.
describe('the invitation link as a way in', () => {
  let s: TestContext;
  beforeAll(async () => {
    s = await startTestApp({ LOGIN_RATE_LIMIT: '5', LOGIN_ACCOUNT_LIMIT: '3', LOGIN_LOCKOUT_MINUTES: '5' });
  });
  afterAll(async () => s.close());

  const invite = async (email: string) => {
    const team = await createTeam(s.db);
    const { token, tokenHash } = newInvitationToken();
    await s.db.invitation.create({
      data: { tokenHash, email, teamId: team.id, role: 'MEMBER', expiresAt: new Date(Date.now() + 86_400_000) },
    });
    return token;
  };
  const accept = (token: string, password: string, remoteAddress: string) =>
    s.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, password }, remoteAddress });
  const signInFrom = (email: string, password: string, remoteAddress: string) =>
    s.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress });

  it('counts guesses through the link against the same per-address limit as signing in', async () => {
    const user = await createUser(s.db);
    const token = await invite(user.email);
    const statuses: number[] = [];
    // Each wrong guess from the same address; the account lock is reset between them so only the address limit shows.
    for (let i = 0; i < 4; i++) {
      statuses.push((await accept(token, `wrong-guess-${i}`, '198.51.100.7')).statusCode);
      await s.db.user.update({ where: { id: user.id }, data: { failedSignIns: 0 } });
    }
    statuses.push((await signInFrom(user.email, `wrong-guess-5`, '198.51.100.7')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect((await accept(token, 'wrong-guess-6', '198.51.100.7')).statusCode).toBe(429);
    expect((await signInFrom(user.email, TEST_PASSWORD, '198.51.100.7')).statusCode).toBe(429);
    expect((await signInFrom(user.email, TEST_PASSWORD, '198.51.100.8')).statusCode).toBe(200);
  });

  it('locks the account after wrong passwords through the link, and a locked account cannot join through it', async () => {
    const user = await createUser(s.db);
    const token = await invite(user.email);
    for (let i = 0; i < 2; i++)
      expect((await accept(token, `wrong-guess-${i}`, `198.51.100.${20 + i}`)).statusCode).toBe(401);
    const third = await accept(token, 'wrong-guess-2', '198.51.100.22');
    expect(third.json().error.code).toBe('ACCOUNT_LOCKED');
    const right = await accept(token, TEST_PASSWORD, '198.51.100.23');
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(await s.db.membership.count({ where: { userId: user.id } })).toBe(0);
    expect((await signInFrom(user.email, TEST_PASSWORD, '198.51.100.24')).json().error.code).toBe('ACCOUNT_LOCKED');
  });

  it('a wrong sign-in counts towards the lock the link then honours, and the right password through the link clears it', async () => {
    const user = await createUser(s.db);
    const token = await invite(user.email);
    await signInFrom(user.email, 'wrong-guess-a', '198.51.100.30');
    await signInFrom(user.email, 'wrong-guess-b', '198.51.100.31');
    expect((await s.db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(2);
    expect((await accept(token, TEST_PASSWORD, '198.51.100.32')).statusCode).toBe(200);
    expect((await s.db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(0);
  });
});
