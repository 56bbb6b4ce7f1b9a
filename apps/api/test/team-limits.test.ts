import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamLimits } from '@amb/domain/team-limits';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// What a team, or one person in it, may pile up: webhooks, invitations waiting to be accepted, notes in one
// retrospective. Each test fills up to the limit straight in the database, then asks the API for one more.

describe('limits per team', () => {
  let t: TestContext;
  let cookie: string;
  let memberCookie: string;
  let memberId: string;
  let team: Awaited<ReturnType<typeof createTeam>>;

  beforeAll(async () => {
    t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' });
    const master = await createUser(t.db);
    const member = await createUser(t.db);
    memberId = member.id;
    team = await createTeam(t.db, [
      { userId: master.id, role: 'SCRUM_MASTER' },
      { userId: member.id, role: 'MEMBER' },
    ]);
    cookie = await signIn(t.app, master.email);
    memberCookie = await signIn(t.app, member.email);
  }, 60_000);
  afterAll(() => t.close());

  const expectLimit = (res: { statusCode: number; body: string; json(): unknown }, kind: keyof typeof teamLimits) => {
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({
      error: {
        code: 'LIMIT_REACHED',
        message: expect.stringContaining(`(${teamLimits[kind]})`),
        details: { kind, limit: teamLimits[kind] },
      },
    });
  };

  it(`refuses webhook ${teamLimits.webhooks + 1} of a team, and takes one again once one is deleted`, async () => {
    const register = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/teams/${team.id}/webhooks`,
        headers: { cookie },
        payload: { url: 'http://127.0.0.1:9/hook', events: ['card.created'] },
      });
    await t.db.webhook.createMany({
      data: Array.from({ length: teamLimits.webhooks - 1 }, (_, i) => ({
        teamId: team.id,
        url: `http://127.0.0.1:9/hook-${i}`,
        events: ['card.created'],
        secret: 'a-secret-of-sixteen-or-more',
      })),
    });
    const last = await register();
    expect(last.statusCode, last.body).toBe(201);
    expectLimit(await register(), 'webhooks');
    expect(await t.db.webhook.count({ where: { teamId: team.id } })).toBe(teamLimits.webhooks);

    const gone = await t.app.inject({ method: 'DELETE', url: `/api/webhooks/${last.json().id}`, headers: { cookie } });
    expect(gone.statusCode).toBe(200);
    expect((await register()).statusCode).toBe(201);
  });

  it(`refuses invitation ${teamLimits.pendingInvitations + 1} waiting on a team, counting only those still waiting`, async () => {
    const invite = (email: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/teams/${team.id}/invitations`,
        headers: { cookie },
        payload: { email, role: 'MEMBER' },
      });
    const now = Date.now();
    const row = (i: number, extra: object = {}) => ({
      tokenHash: `hash-${i}-${now}`,
      email: `waiting-${i}@example.test`,
      teamId: team.id,
      role: 'MEMBER' as const,
      expiresAt: new Date(now + 86_400_000),
      ...extra,
    });
    await t.db.invitation.createMany({
      data: [
        ...Array.from({ length: teamLimits.pendingInvitations - 1 }, (_, i) => row(i)),
        // Expired, withdrawn and accepted ones do not count.
        row(-1, { expiresAt: new Date(now - 1000) }),
        row(-2, { revokedAt: new Date() }),
        row(-3, { acceptedAt: new Date() }),
      ],
    });
    expect((await invite('one-more@example.test')).statusCode).toBe(201);
    expectLimit(await invite('too-many@example.test'), 'pendingInvitations');
    // Inviting an address again replaces its waiting invitation: still allowed at the limit.
    expect((await invite('waiting-0@example.test')).statusCode).toBe(201);
  });

  it(`refuses a person's note ${teamLimits.retrospectiveNotesPerPerson + 1} in one retrospective, not another person's`, async () => {
    const sprint = await t.db.sprint.create({
      data: {
        teamId: team.id,
        name: 'Sprint with many notes',
        startDate: new Date('2026-11-02'),
        endDate: new Date('2026-11-13'),
        state: 'CLOSED',
        retrospective: { create: {} },
      },
      include: { retrospective: true },
    });
    await t.db.retrospectiveNote.createMany({
      data: Array.from({ length: teamLimits.retrospectiveNotesPerPerson - 1 }, (_, i) => ({
        retrospectiveId: sprint.retrospective!.id,
        group: 'TO_IMPROVE' as const,
        text: `Note ${i}`,
        authorId: memberId,
      })),
    });
    const note = (who: string, text: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/sprints/${sprint.id}/retrospective/notes`,
        headers: { cookie: who },
        payload: { group: 'WENT_WELL', text },
      });
    expect((await note(memberCookie, 'The last one')).statusCode).toBe(201);
    expectLimit(await note(memberCookie, 'One too many'), 'retrospectiveNotesPerPerson');
    expect(
      await t.db.retrospectiveNote.count({ where: { retrospectiveId: sprint.retrospective!.id, authorId: memberId } }),
    ).toBe(teamLimits.retrospectiveNotesPerPerson);
    // Someone else on the team still has all their room.
    expect((await note(cookie, 'The scrum master’s note')).statusCode).toBe(201);
  });
});
