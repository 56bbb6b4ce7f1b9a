import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher } from './support/mail-catcher';
import { createTeam, createUser, signIn, startTestApp, TEST_PASSWORD, type TestContext } from './support/test-app';

// Invitations without a mail server: the link comes back to copy.
describe('invitations by link', () => {
  let t: TestContext;
  let admin: string;
  let master: string;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp();
    const a = await createUser(t.db, { orgRole: 'ADMIN', name: 'Ada Admin' });
    const m = await createUser(t.db, { name: 'Sid Scrum' });
    team = await createTeam(t.db, [{ userId: m.id, role: 'SCRUM_MASTER' }], 'Content Marketing');
    admin = await signIn(t.app, a.email);
    master = await signIn(t.app, m.email);
  });
  afterAll(() => t.close());

  const invite = (cookie: string, body: object, teamId = team.id) =>
    t.app.inject({ method: 'POST', url: `/api/teams/${teamId}/invitations`, headers: { cookie }, payload: body });
  const tokenOf = (link: string) => link.split('/invitations/')[1]!;
  const accept = (body: object, cookie?: string) =>
    t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: body, headers: cookie ? { cookie } : {} });
  const freshEmail = () => `invitee-${n++}@example.test`;

  it('hands back a single-use link, stores only its hash, and creates the account on accepting', async () => {
    const email = freshEmail();
    const res = await invite(admin, { email: ` ${email.toUpperCase()} `, role: 'MEMBER' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      mailed: false,
      invitation: { email, role: 'MEMBER', state: 'PENDING', invitedBy: 'Ada Admin' },
    });
    expect(body.link).toMatch(/^http:\/\/localhost(:\d+)?\/invitations\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(body.link);
    const stored = await t.db.invitation.findUniqueOrThrow({ where: { id: body.invitation.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const preview = await t.app.inject({ method: 'GET', url: `/api/invitations/token/${token}` });
    expect(preview.json()).toMatchObject({
      email,
      teamName: 'Content Marketing',
      role: 'MEMBER',
      invitedBy: 'Ada Admin',
      accountExists: false,
    });

    const accepted = await accept({ token, name: 'Ivy Invitee', password: 'long-enough-password' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ teamId: team.id, boardId: team.board.id });
    const cookie = `amb_session=${accepted.cookies.find((c) => c.name === 'amb_session')!.value}`;
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json();
    expect(me.user).toMatchObject({ email, name: 'Ivy Invitee', orgRole: 'NONE' });
    expect(me.memberships).toEqual([expect.objectContaining({ teamId: team.id, role: 'MEMBER' })]);

    // The link works once.
    const again = await accept({ token, name: 'Someone else', password: 'long-enough-password' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/already been used/);
    expect((await t.app.inject({ method: 'GET', url: `/api/invitations/token/${token}` })).statusCode).toBe(409);
    const kinds = (
      await t.db.activity.findMany({ where: { teamId: team.id, kind: { startsWith: 'invitation.' } } })
    ).map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['invitation.created', 'invitation.accepted']));
  });

  it('refuses an expired link, a withdrawn one, an unknown one and a malformed one', async () => {
    const expired = tokenOf((await invite(admin, { email: freshEmail(), role: 'VIEWER' })).json().link);
    await t.db.invitation.updateMany({
      where: { email: { startsWith: 'invitee-' }, acceptedAt: null, revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const res = await accept({ token: expired, name: 'Late', password: 'long-enough-password' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', details: { state: 'EXPIRED' } });

    const created = (await invite(admin, { email: freshEmail(), role: 'VIEWER' })).json();
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/invitations/${created.invitation.id}`,
      headers: { cookie: admin },
    });
    expect(revoked.json().state).toBe('REVOKED');
    expect(
      (await accept({ token: tokenOf(created.link), name: 'X', password: 'long-enough-password' })).json().error
        .details,
    ).toEqual({ state: 'REVOKED' });
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/invitations/${created.invitation.id}`,
          headers: { cookie: admin },
        })
      ).statusCode,
    ).toBe(409);

    const unknown = await accept({ token: 'A'.repeat(43), name: 'X', password: 'long-enough-password' });
    expect(unknown.statusCode).toBe(404);
    const malformed = await t.app.inject({ method: 'GET', url: '/api/invitations/token/not-a-token' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields[0].field).toBe('params.token');
    const missing = await accept({
      token: tokenOf((await invite(admin, { email: freshEmail(), role: 'VIEWER' })).json().link),
      password: 'long-enough-password',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([{ field: 'body.name', message: 'is required' }]);
  });

  it('adds an existing account to the team with its password, or without when signed in as it', async () => {
    const person = await createUser(t.db);
    const other = await createTeam(t.db, [], 'Growth');
    const token = tokenOf((await invite(admin, { email: person.email, role: 'VIEWER' })).json().link);
    expect((await t.app.inject({ method: 'GET', url: `/api/invitations/token/${token}` })).json().accountExists).toBe(
      true,
    );
    expect((await accept({ token })).json().error.fields[0].field).toBe('body.password');
    expect((await accept({ token, password: 'wrong-password-here' })).statusCode).toBe(401);
    // Signed in as someone else does not count.
    expect((await accept({ token }, master)).statusCode).toBe(400);
    const ok = await accept({ token, password: TEST_PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect(
      await t.db.membership.findUnique({ where: { userId_teamId: { userId: person.id, teamId: team.id } } }),
    ).toMatchObject({ role: 'VIEWER' });

    const cookie = await signIn(t.app, person.email);
    const second = tokenOf((await invite(admin, { email: person.email, role: 'MEMBER' }, other.id)).json().link);
    const signedIn = await accept({ token: second }, cookie);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.cookies.find((c) => c.name === 'amb_session')).toBeUndefined();
    expect(await t.db.user.count({ where: { email: person.email } })).toBe(1);
  });

  it('lets one of two simultaneous accepts of the same link through', async () => {
    const token = tokenOf((await invite(admin, { email: freshEmail(), role: 'MEMBER' })).json().link);
    const answers = await Promise.all(
      [0, 1, 2, 3].map((i) => accept({ token, name: `Racer ${i}`, password: 'long-enough-password' })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409]);
    expect(await t.db.user.count({ where: { name: { startsWith: 'Racer ' } } })).toBe(1);
  });

  it('lets a scrum master invite below scrum master only, and refuses people already on the team and archived teams', async () => {
    expect((await invite(master, { email: freshEmail(), role: 'PRODUCT_OWNER' })).statusCode).toBe(201);
    const tooHigh = await invite(master, { email: freshEmail(), role: 'SCRUM_MASTER' });
    expect(tooHigh.statusCode).toBe(403);
    const memberEmail = (
      await t.db.user.findFirstOrThrow({ where: { memberships: { some: { teamId: team.id, role: 'SCRUM_MASTER' } } } })
    ).email;
    const dup = await invite(admin, { email: memberEmail, role: 'MEMBER' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields[0].field).toBe('body.email');
    const bad = await invite(admin, { email: 'not-an-email', role: 'MEMBER' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('body.email');

    const archived = await createTeam(t.db, [], 'Old team');
    const pending = (await invite(admin, { email: freshEmail(), role: 'MEMBER' }, archived.id)).json();
    await t.app.inject({ method: 'POST', url: `/api/teams/${archived.id}/archive`, headers: { cookie: admin } });
    expect((await invite(admin, { email: freshEmail(), role: 'MEMBER' }, archived.id)).statusCode).toBe(409);
    expect(
      (await accept({ token: tokenOf(pending.link), name: 'X', password: 'long-enough-password' })).statusCode,
    ).toBe(409);
  });

  it('lists the team’s invitations with their state', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/teams/${team.id}/invitations`,
      headers: { cookie: master },
    });
    const states = new Set(res.json().invitations.map((i: { state: string }) => i.state));
    expect(states).toEqual(new Set(['ACCEPTED', 'EXPIRED', 'REVOKED', 'PENDING']));
  });
});

// With a mail server configured, the invitation goes out by mail and the link is not handed back.
describe('invitations by mail', () => {
  let t: TestContext;
  let mail: Awaited<ReturnType<typeof startMailCatcher>>;

  beforeAll(async () => {
    mail = await startMailCatcher();
    t = await startTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mail.port),
      MAIL_FROM: 'Board <board@example.test>',
      PUBLIC_URL: 'https://board.example.test/',
    });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  it('mails the link to the invited address; the mailed link works', async () => {
    const admin = await createUser(t.db, { orgRole: 'ADMIN', name: 'Ada Admin' });
    const team = await createTeam(t.db, [], 'Campaigns');
    const cookie = await signIn(t.app, admin.email);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/teams/${team.id}/invitations`,
      headers: { cookie },
      payload: { email: 'mia@example.test', role: 'MEMBER' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mailed: true, link: null });
    const sent = await mail.next();
    expect(sent.from).toBe('board@example.test');
    expect(sent.to).toEqual(['mia@example.test']);
    expect(sent.raw).toContain('Ada Admin invited you to Campaigns');
    const link = /https:\/\/board\.example\.test\/invitations\/([A-Za-z0-9_-]{43})/.exec(sent.raw);
    expect(link).not.toBeNull();
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: link![1], name: 'Mia', password: 'long-enough-password' },
    });
    expect(accepted.statusCode).toBe(200);
  });
});
