import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCards } from './support/board-fixtures';
import { fileForm } from './support/file-form';
import { watchEvents } from './support/event-stream';
import { createTeam, createUser, signIn, startTestApp, TEST_PASSWORD, type TestContext } from './support/test-app';

// Who may do what, route by route: every route the API registers must appear here with the answer each kind of
// person gets. Team A's objects are asked for by its member, its viewer, its scrum master, a member of another
// team (who must not learn they exist: 404), the PMO (reads everything, changes nothing) and an admin.

type Actor = 'anonymous' | 'member' | 'viewer' | 'master' | 'outsider' | 'pmo' | 'admin';
type Expected = Record<Actor, number>;
interface Case {
  route: string;
  expected: Expected;
  /** Builds a fresh request (fresh objects for writes), so each actor's call stands alone. */
  request: () => Promise<{
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    body?: object;
    /** A body other than JSON (an upload), with its content type. */
    raw?: { payload: Buffer; contentType: string };
  }>;
}

const read: Expected = { anonymous: 401, member: 200, viewer: 200, master: 200, outsider: 404, pmo: 200, admin: 200 };
const work = (ok: number): Expected => ({
  anonymous: 401,
  member: ok,
  viewer: 403,
  master: ok,
  outsider: 404,
  pmo: 403,
  admin: ok,
});
const layout = (ok: number): Expected => ({
  anonymous: 401,
  member: 403,
  viewer: 403,
  master: ok,
  outsider: 404,
  pmo: 403,
  admin: ok,
});
const plan = (ok: number): Expected => ({
  anonymous: 401,
  member: 403,
  viewer: 403,
  master: ok,
  outsider: 404,
  pmo: 403,
  admin: ok,
});
const adminOnly = (ok: number): Expected => ({
  anonymous: 401,
  member: 403,
  viewer: 403,
  master: 403,
  outsider: 403,
  pmo: 403,
  admin: ok,
});
// Managing a team's members: admins, and the team's scrum masters (for roles below their own).
const manageMembers = (ok: number): Expected => ({
  anonymous: 401,
  member: 403,
  viewer: 403,
  master: ok,
  outsider: 404,
  pmo: 403,
  admin: ok,
});
// The portfolio stages: the PMO and admins set them for the whole organisation.
const portfolioManager = (ok: number): Expected => ({
  anonymous: 401,
  member: 403,
  viewer: 403,
  master: 403,
  outsider: 403,
  pmo: ok,
  admin: ok,
});
// The organisation's campaigns: admins, the PMO and a scrum master of any team (the outsider is one elsewhere).
const campaignManager = (ok: number): Expected => ({
  anonymous: 401,
  member: 403,
  viewer: 403,
  master: ok,
  outsider: ok,
  pmo: ok,
  admin: ok,
});
const anyoneSignedIn: Expected = {
  anonymous: 401,
  member: 200,
  viewer: 200,
  master: 200,
  outsider: 200,
  pmo: 200,
  admin: 200,
};

describe('access matrix: role x route', () => {
  const registered = new Set<string>();
  let t: TestContext;
  const cookies = {} as Record<Actor, string | undefined>;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let teamMembers: { userId: string; role: 'MEMBER' | 'VIEWER' | 'SCRUM_MASTER' }[];
  let sprintId: string;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp({}, (route) => {
      for (const method of [route.method].flat())
        if (method !== 'HEAD' && route.url.startsWith('/api/') && !route.url.startsWith('/api/docs'))
          registered.add(`${method} ${route.url.replace(/\/$/, '')}`);
    });
    const people = Object.fromEntries(
      await Promise.all(
        (['member', 'viewer', 'master', 'outsider', 'pmo', 'admin'] as const).map(
          async (a) =>
            [a, await createUser(t.db, { orgRole: a === 'pmo' ? 'PMO' : a === 'admin' ? 'ADMIN' : 'NONE' })] as const,
        ),
      ),
    );
    teamMembers = [
      { userId: people.member!.id, role: 'MEMBER' },
      { userId: people.viewer!.id, role: 'VIEWER' },
      { userId: people.master!.id, role: 'SCRUM_MASTER' },
    ];
    team = await createTeam(t.db, teamMembers);
    await createTeam(t.db, [{ userId: people.outsider!.id, role: 'SCRUM_MASTER' }]);
    sprintId = (
      await t.db.sprint.create({
        data: {
          teamId: team.id,
          name: 'Sprint 1',
          startDate: new Date(),
          endDate: new Date(Date.now() + 14 * 86_400_000),
          state: 'ACTIVE',
        },
      })
    ).id;
    for (const [actor, user] of Object.entries(people)) cookies[actor as Actor] = await signIn(t.app, user.email);
  });
  afterAll(() => t.close());

  const board = () => team.board;
  const backlog = () => board().columns[0]!;
  const freshCard = async (archived = false) => {
    const [card] = await addCards(t.db, board().id, backlog().id, 1, `Matrix ${n++}`);
    if (archived) return t.db.card.update({ where: { id: card!.id }, data: { archivedAt: new Date() } });
    return card!;
  };
  const freshColumn = () =>
    t.db.column.create({ data: { boardId: board().id, name: `Matrix column ${n++}`, position: 50 + n } });
  const freshLane = () =>
    t.db.swimlane.create({ data: { boardId: board().id, name: `Matrix lane ${n++}`, position: n } });
  const freshPerson = () => createUser(t.db);
  const freshToken = async () =>
    t.db.apiToken.create({
      data: {
        userId: (await freshPerson()).id,
        name: 'Report script',
        tokenHash: `${(n++).toString(16)}-${Math.random()}`,
        prefix: 'amb_pat_xxxxxx',
        canWrite: false,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
  const freshFeed = async () =>
    t.db.calendarFeed.create({
      data: { userId: (await freshPerson()).id, tokenHash: `feed-${(n++).toString(16)}-${Math.random()}` },
    });
  const freshWebhook = () =>
    t.db.webhook.create({
      data: {
        teamId: team.id,
        url: 'https://93.184.215.14/hook',
        events: ['card.created'],
        secret: 'a-secret-of-sixteen-or-more',
      },
    });
  const freshChecklist = async () =>
    t.db.checklist.create({ data: { cardId: (await freshCard()).id, title: 'List', position: 0 } });
  const freshItem = async () =>
    t.db.checklistItem.create({ data: { checklistId: (await freshChecklist()).id, text: 'Item', position: 0 } });
  // Starting and closing need a team of their own each time: a team has at most one active sprint.
  const freshSprint = async (state: 'PLANNED' | 'ACTIVE', teamId?: string) => {
    const owner = teamId ?? (await createTeam(t.db, teamMembers)).id;
    return t.db.sprint.create({
      data: {
        teamId: owner,
        name: `Matrix sprint ${n++}`,
        startDate: new Date('2026-12-07'),
        endDate: new Date('2026-12-18'),
        state,
        startedAt: state === 'ACTIVE' ? new Date() : null,
      },
    });
  };
  // A closed sprint of team A with an open retrospective, and a note in it.
  const freshRetro = async () => {
    const closed = await t.db.sprint.create({
      data: {
        teamId: team.id,
        name: `Matrix sprint ${n++}`,
        startDate: new Date('2026-11-02'),
        endDate: new Date('2026-11-13'),
        state: 'CLOSED',
      },
    });
    return t.db.retrospective.create({ data: { sprintId: closed.id } });
  };
  const freshNote = async (group: 'WENT_WELL' | 'ACTION' = 'WENT_WELL', authorId?: string) =>
    t.db.retrospectiveNote.create({
      data: { retrospectiveId: (await freshRetro()).id, group, text: `Matrix note ${n++}`, authorId },
    });
  // The member's own note: its author may change it, and so may the team's scrum masters and admins.
  const membersNote = () => freshNote('WENT_WELL', teamMembers[0]!.userId);
  // A done stage at the end keeps the stages in flow order.
  const freshStage = () =>
    t.db.portfolioStage.create({ data: { name: `Matrix stage ${n++}`, position: 100 + n, flowCategory: 'DONE' } });
  const freshCampaign = () =>
    t.db.campaign.create({
      data: {
        name: `Matrix campaign ${n++}`,
        startDate: new Date('2027-03-01'),
        endDate: new Date('2027-03-31'),
        colour: 'teal',
      },
    });
  const freshLink = async () =>
    t.db.cardLink.create({
      data: { fromCardId: (await freshCard()).id, toCardId: (await freshCard()).id, kind: 'RELATES' },
    });

  // An attachment the member uploaded, with its one version stored: a PDF unless an image is asked for.
  const freshAttachment = async (
    file = { name: 'brief.pdf', bytes: Buffer.from('%PDF-1.7\n'), type: 'application/pdf' },
  ) => {
    const storageKey = `attachments/${randomUUID()}`;
    await t.app.files.put(storageKey, Readable.from([file.bytes]), 'application/octet-stream');
    return t.db.attachment.create({
      data: {
        cardId: (await freshCard()).id,
        name: file.name,
        uploaderId: teamMembers[0]!.userId,
        versions: {
          create: {
            number: 1,
            storageKey,
            size: file.bytes.length,
            contentType: file.type,
            fileName: file.name,
            uploaderId: teamMembers[0]!.userId,
          },
        },
      },
    });
  };
  const freshImage = async () =>
    freshAttachment({
      name: 'banner.png',
      bytes: await sharp({ create: { width: 4, height: 3, channels: 3, background: '#c83' } })
        .png()
        .toBuffer(),
      type: 'image/png',
    });
  const upload = fileForm('brief.pdf', '%PDF-1.7\n');

  const cases: Case[] = [
    {
      route: 'GET /api/auth/me',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'GET', url: '/api/auth/me' }),
    },
    { route: 'GET /api/teams/', expected: anyoneSignedIn, request: async () => ({ method: 'GET', url: '/api/teams' }) },
    {
      route: 'POST /api/teams/',
      expected: adminOnly(201),
      request: async () => ({ method: 'POST', url: '/api/teams', body: { name: 'New team', slug: `new-team-${n++}` } }),
    },
    {
      route: 'GET /api/teams/:teamId',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/teams/${team.id}` }),
    },
    {
      route: 'GET /api/teams/:teamId/members',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/teams/${team.id}/members` }),
    },
    {
      route: 'POST /api/teams/:teamId/members',
      expected: manageMembers(200),
      request: async () => ({
        method: 'POST',
        url: `/api/teams/${team.id}/members`,
        body: { email: (await freshPerson()).email, role: 'MEMBER' },
      }),
    },
    {
      route: 'PUT /api/teams/:teamId/members/:userId',
      expected: manageMembers(200),
      request: async () => {
        const person = await freshPerson();
        await t.db.membership.create({ data: { teamId: team.id, userId: person.id, role: 'MEMBER' } });
        return { method: 'PUT', url: `/api/teams/${team.id}/members/${person.id}`, body: { role: 'VIEWER' } };
      },
    },
    {
      route: 'DELETE /api/teams/:teamId/members/:userId',
      expected: manageMembers(200),
      request: async () => {
        const person = await freshPerson();
        await t.db.membership.create({ data: { teamId: team.id, userId: person.id, role: 'MEMBER' } });
        return { method: 'DELETE', url: `/api/teams/${team.id}/members/${person.id}` };
      },
    },
    { route: 'GET /api/users/', expected: adminOnly(200), request: async () => ({ method: 'GET', url: '/api/users' }) },
    {
      route: 'PUT /api/users/:userId/org-role',
      expected: adminOnly(200),
      request: async () => ({
        method: 'PUT',
        url: `/api/users/${(await freshPerson()).id}/org-role`,
        body: { orgRole: 'PMO' },
      }),
    },
    {
      route: 'PATCH /api/teams/:teamId',
      expected: adminOnly(200),
      request: async () => ({
        method: 'PATCH',
        url: `/api/teams/${(await createTeam(t.db)).id}`,
        body: { name: `Renamed ${n++}` },
      }),
    },
    {
      route: 'POST /api/teams/:teamId/archive',
      expected: adminOnly(200),
      request: async () => ({ method: 'POST', url: `/api/teams/${(await createTeam(t.db)).id}/archive` }),
    },
    {
      route: 'GET /api/teams/:teamId/invitations',
      expected: manageMembers(200),
      request: async () => ({ method: 'GET', url: `/api/teams/${team.id}/invitations` }),
    },
    {
      route: 'POST /api/teams/:teamId/invitations',
      expected: manageMembers(201),
      request: async () => ({
        method: 'POST',
        url: `/api/teams/${team.id}/invitations`,
        body: { email: `invitee-${n++}@example.test`, role: 'MEMBER' },
      }),
    },
    {
      route: 'DELETE /api/invitations/:invitationId',
      expected: manageMembers(200),
      request: async () => {
        const invitation = await t.db.invitation.create({
          data: {
            tokenHash: `matrix-${n++}`,
            email: `invitee-${n}@example.test`,
            teamId: team.id,
            role: 'VIEWER',
            expiresAt: new Date(Date.now() + 3_600_000),
          },
        });
        return { method: 'DELETE', url: `/api/invitations/${invitation.id}` };
      },
    },
    {
      route: 'POST /api/users/:userId/deactivate',
      expected: adminOnly(200),
      request: async () => ({ method: 'POST', url: `/api/users/${(await freshPerson()).id}/deactivate` }),
    },
    {
      route: 'POST /api/users/:userId/reactivate',
      expected: adminOnly(200),
      request: async () => {
        const person = await t.db.user.update({
          where: { id: (await freshPerson()).id },
          data: { deactivatedAt: new Date() },
        });
        return { method: 'POST', url: `/api/users/${person.id}/reactivate` };
      },
    },
    {
      route: 'PATCH /api/account/',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'PATCH', url: '/api/account', body: { name: `Renamed person ${n++}` } }),
    },
    // The same password again: the change goes through and every actor can still sign in.
    {
      route: 'PUT /api/account/password',
      expected: anyoneSignedIn,
      request: async () => ({
        method: 'PUT',
        url: '/api/account/password',
        body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
      }),
    },
    {
      route: 'GET /api/account/sessions',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'GET', url: '/api/account/sessions' }),
    },
    // Only one's own sessions can be ended: someone else's session is "not found" to everyone (see account.test.ts).
    {
      route: 'DELETE /api/account/sessions/:sessionId',
      expected: { anonymous: 401, member: 404, viewer: 404, master: 404, outsider: 404, pmo: 404, admin: 404 },
      request: async () => {
        const other = await t.db.session.create({
          data: {
            id: `${(n++).toString(16).padStart(16, '0')}${'f'.repeat(48)}`,
            userId: (await freshPerson()).id,
            expiresAt: new Date(Date.now() + 3_600_000),
          },
        });
        return { method: 'DELETE', url: `/api/account/sessions/${other.id.slice(0, 16)}` };
      },
    },
    {
      route: 'GET /api/account/tokens',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'GET', url: '/api/account/tokens' }),
    },
    {
      route: 'POST /api/account/tokens',
      expected: { ...anyoneSignedIn, member: 201, viewer: 201, master: 201, outsider: 201, pmo: 201, admin: 201 },
      request: async () => ({ method: 'POST', url: '/api/account/tokens', body: { name: 'Report', access: 'read' } }),
    },
    // Only one's own tokens can be revoked here: someone else's is "not found" to everyone (see api-tokens.test.ts).
    {
      route: 'DELETE /api/account/tokens/:tokenId',
      expected: { anonymous: 401, member: 404, viewer: 404, master: 404, outsider: 404, pmo: 404, admin: 404 },
      request: async () => ({ method: 'DELETE', url: `/api/account/tokens/${(await freshToken()).id}` }),
    },
    {
      route: 'GET /api/account/calendar-feeds',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'GET', url: '/api/account/calendar-feeds' }),
    },
    {
      route: 'POST /api/account/calendar-feeds',
      expected: { ...anyoneSignedIn, member: 201, viewer: 201, master: 201, outsider: 201, pmo: 201, admin: 201 },
      request: async () => ({ method: 'POST', url: '/api/account/calendar-feeds', body: { scope: 'mine' } }),
    },
    // Only one's own feeds can be renewed or revoked: someone else's is "not found" to everyone (calendar-feeds.test.ts).
    {
      route: 'POST /api/account/calendar-feeds/:feedId/renew',
      expected: { anonymous: 401, member: 404, viewer: 404, master: 404, outsider: 404, pmo: 404, admin: 404 },
      request: async () => ({ method: 'POST', url: `/api/account/calendar-feeds/${(await freshFeed()).id}/renew` }),
    },
    {
      route: 'DELETE /api/account/calendar-feeds/:feedId',
      expected: { anonymous: 401, member: 404, viewer: 404, master: 404, outsider: 404, pmo: 404, admin: 404 },
      request: async () => ({ method: 'DELETE', url: `/api/account/calendar-feeds/${(await freshFeed()).id}` }),
    },
    {
      route: 'GET /api/admin/tokens',
      expected: adminOnly(200),
      request: async () => ({ method: 'GET', url: '/api/admin/tokens' }),
    },
    {
      route: 'DELETE /api/admin/tokens/:tokenId',
      expected: adminOnly(200),
      request: async () => ({ method: 'DELETE', url: `/api/admin/tokens/${(await freshToken()).id}` }),
    },
    {
      route: 'GET /api/directory',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'GET', url: '/api/directory' }),
    },
    {
      route: 'GET /api/admin/teams',
      expected: adminOnly(200),
      request: async () => ({ method: 'GET', url: '/api/admin/teams' }),
    },
    {
      route: 'GET /api/admin/audit',
      expected: adminOnly(200),
      request: async () => ({ method: 'GET', url: '/api/admin/audit' }),
    },
    {
      route: 'GET /api/admin/sign-up-settings',
      expected: adminOnly(200),
      request: async () => ({ method: 'GET', url: '/api/admin/sign-up-settings' }),
    },
    {
      route: 'PUT /api/admin/sign-up-settings',
      expected: adminOnly(200),
      request: async () => ({
        method: 'PUT',
        url: '/api/admin/sign-up-settings',
        body: { signUpPolicy: 'INVITATION_ONLY', allowedDomains: [] },
      }),
    },
    {
      route: 'PUT /api/users/:userId/wip-limit',
      expected: { anonymous: 401, member: 403, viewer: 403, master: 200, outsider: 404, pmo: 403, admin: 200 },
      request: async () => {
        const person = await freshPerson();
        await t.db.membership.create({ data: { teamId: team.id, userId: person.id, role: 'MEMBER' } });
        return { method: 'PUT', url: `/api/users/${person.id}/wip-limit`, body: { wipLimit: 3, wipPolicy: 'HARD' } };
      },
    },
    {
      route: 'GET /api/boards/:boardId/export.csv',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/boards/${board().id}/export.csv` }),
    },
    {
      route: 'GET /api/boards/:boardId/export.xlsx',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/boards/${board().id}/export.xlsx` }),
    },
    {
      route: 'GET /api/boards/:boardId/export.json',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/boards/${board().id}/export.json` }),
    },
    {
      route: 'POST /api/teams/:teamId/imports',
      expected: layout(202),
      request: async () => ({
        method: 'POST',
        url: `/api/teams/${team.id}/imports`,
        body: { format: 'csv', content: Buffer.from(`title\nImported ${n++}\n`).toString('base64') },
      }),
    },
    {
      route: 'GET /api/imports/:importId',
      expected: read,
      request: async () => {
        const job = await t.db.importJob.create({
          data: {
            teamId: team.id,
            boardId: board().id,
            format: 'csv',
            fileName: 'x.csv',
            status: 'DONE',
            plan: {},
            total: 0,
          },
        });
        return { method: 'GET', url: `/api/imports/${job.id}` };
      },
    },
    {
      route: 'GET /api/teams/:teamId/webhooks',
      expected: layout(200),
      request: async () => ({ method: 'GET', url: `/api/teams/${team.id}/webhooks` }),
    },
    {
      route: 'POST /api/teams/:teamId/webhooks',
      expected: layout(201),
      request: async () => ({
        method: 'POST',
        url: `/api/teams/${team.id}/webhooks`,
        body: { url: 'https://93.184.215.14/hook', events: ['card.created'], secret: 'a-secret-of-sixteen-or-more' },
      }),
    },
    {
      route: 'DELETE /api/webhooks/:webhookId',
      expected: layout(200),
      request: async () => ({ method: 'DELETE', url: `/api/webhooks/${(await freshWebhook()).id}` }),
    },
    {
      route: 'PATCH /api/webhooks/:webhookId',
      expected: layout(200),
      request: async () => ({
        method: 'PATCH',
        url: `/api/webhooks/${(await freshWebhook()).id}`,
        body: { active: false },
      }),
    },
    {
      route: 'GET /api/webhooks/:webhookId/deliveries',
      expected: layout(200),
      request: async () => ({ method: 'GET', url: `/api/webhooks/${(await freshWebhook()).id}/deliveries` }),
    },
    {
      route: 'POST /api/webhooks/deliveries/:deliveryId/resend',
      expected: layout(200),
      request: async () => {
        const hook = await freshWebhook();
        const delivery = await t.db.webhookDelivery.create({
          data: { webhookId: hook.id, activityId: 1n, event: 'card.created', payload: {}, status: 'GAVE_UP' },
        });
        return { method: 'POST', url: `/api/webhooks/deliveries/${delivery.id}/resend` };
      },
    },
    {
      route: 'GET /api/boards/:boardId/people-wip',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/boards/${board().id}/people-wip` }),
    },
    {
      route: 'GET /api/principles/',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'GET', url: '/api/principles' }),
    },
    {
      route: 'POST /api/principles/',
      expected: adminOnly(201),
      request: async () => ({
        method: 'POST',
        url: '/api/principles',
        body: { key: `principle-${n++}`, name: 'Test and learn' },
      }),
    },
    {
      route: 'PATCH /api/principles/:principleId',
      expected: adminOnly(200),
      request: async () => ({
        method: 'PATCH',
        url: `/api/principles/${(await t.db.principle.findFirstOrThrow()).id}`,
        body: { description: 'Reworded' },
      }),
    },
    {
      route: 'GET /api/campaigns/',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'GET', url: '/api/campaigns' }),
    },
    {
      route: 'POST /api/campaigns/',
      expected: campaignManager(201),
      request: async () => ({
        method: 'POST',
        url: '/api/campaigns',
        body: {
          name: `Matrix campaign ${n++}`,
          startDate: '2027-03-01',
          endDate: '2027-03-31',
          ownerId: teamMembers[0]!.userId,
          colour: 'blue',
        },
      }),
    },
    {
      // Anyone may open a campaign; cards on teams they cannot read are only counted.
      route: 'GET /api/campaigns/:campaignId',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'GET', url: `/api/campaigns/${(await freshCampaign()).id}` }),
    },
    {
      route: 'PATCH /api/campaigns/:campaignId',
      expected: campaignManager(200),
      request: async () => ({
        method: 'PATCH',
        url: `/api/campaigns/${(await freshCampaign()).id}`,
        body: { status: 'RUNNING' },
      }),
    },
    {
      route: 'DELETE /api/campaigns/:campaignId',
      expected: campaignManager(200),
      request: async () => ({ method: 'DELETE', url: `/api/campaigns/${(await freshCampaign()).id}` }),
    },
    {
      route: 'GET /api/boards/:boardId',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/boards/${board().id}` }),
    },
    {
      route: 'GET /api/boards/:boardId/archived-cards',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/boards/${board().id}/archived-cards` }),
    },
    {
      route: 'POST /api/cards/',
      expected: work(201),
      request: async () => ({
        method: 'POST',
        url: '/api/cards',
        body: { columnId: backlog().id, title: 'Matrix card' },
      }),
    },
    {
      route: 'POST /api/cards/:cardId/move',
      expected: work(200),
      request: async () => ({
        method: 'POST',
        url: `/api/cards/${(await freshCard()).id}/move`,
        body: { columnId: board().columns[1]!.id, afterCardId: null, version: 1 },
      }),
    },
    {
      route: 'PATCH /api/cards/:cardId',
      expected: work(200),
      request: async () => ({
        method: 'PATCH',
        url: `/api/cards/${(await freshCard()).id}`,
        body: { version: 1, title: 'Renamed' },
      }),
    },
    {
      route: 'POST /api/cards/:cardId/archive',
      expected: work(200),
      request: async () => ({
        method: 'POST',
        url: `/api/cards/${(await freshCard()).id}/archive`,
        body: { version: 1 },
      }),
    },
    {
      route: 'POST /api/cards/:cardId/restore',
      expected: work(200),
      request: async () => ({
        method: 'POST',
        url: `/api/cards/${(await freshCard(true)).id}/restore`,
        body: { version: 1 },
      }),
    },
    {
      route: 'GET /api/cards/search',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'GET', url: '/api/cards/search?q=Matrix' }),
    },
    {
      route: 'GET /api/cards/:cardId',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/cards/${(await freshCard()).id}` }),
    },
    {
      route: 'GET /api/cards/:cardId/comments',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/cards/${(await freshCard()).id}/comments` }),
    },
    {
      route: 'POST /api/cards/:cardId/comments',
      expected: work(201),
      request: async () => ({
        method: 'POST',
        url: `/api/cards/${(await freshCard()).id}/comments`,
        body: { body: 'Looks good' },
      }),
    },
    {
      route: 'GET /api/cards/:cardId/attachments',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/cards/${(await freshAttachment()).cardId}/attachments` }),
    },
    {
      route: 'POST /api/cards/:cardId/attachments',
      expected: work(201),
      request: async () => ({ method: 'POST', url: `/api/cards/${(await freshCard()).id}/attachments`, raw: upload }),
    },
    {
      route: 'POST /api/attachments/:attachmentId/versions',
      expected: work(201),
      request: async () => ({
        method: 'POST',
        url: `/api/attachments/${(await freshAttachment()).id}/versions`,
        raw: upload,
      }),
    },
    {
      // The member uploaded it; another member may not (attachments.test.ts).
      route: 'PATCH /api/attachments/:attachmentId',
      expected: work(200),
      request: async () => ({
        method: 'PATCH',
        url: `/api/attachments/${(await freshAttachment()).id}`,
        body: { name: 'renamed.pdf' },
      }),
    },
    {
      route: 'DELETE /api/attachments/:attachmentId',
      expected: work(200),
      request: async () => ({ method: 'DELETE', url: `/api/attachments/${(await freshAttachment()).id}` }),
    },
    {
      route: 'GET /api/attachments/:attachmentId/versions/:number/file',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/attachments/${(await freshAttachment()).id}/versions/1/file` }),
    },
    {
      route: 'PUT /api/cards/:cardId/cover',
      expected: work(200),
      request: async () => {
        const image = await freshImage();
        return { method: 'PUT', url: `/api/cards/${image.cardId}/cover`, body: { attachmentId: image.id } };
      },
    },
    {
      route: 'GET /api/attachments/:attachmentId/versions/:number/thumbnail',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/attachments/${(await freshImage()).id}/versions/1/thumbnail` }),
    },
    {
      route: 'GET /api/cards/:cardId/approval',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/cards/${(await freshCard()).id}/approval` }),
    },
    {
      route: 'POST /api/cards/:cardId/approval',
      expected: work(201),
      request: async () => ({
        method: 'POST',
        url: `/api/cards/${(await freshCard()).id}/approval`,
        body: { approverIds: [teamMembers[2]!.userId] },
      }),
    },
    {
      // Everyone who can read the card is asked here; approvals.test.ts checks that others may not decide.
      route: 'POST /api/cards/:cardId/approval/decision',
      expected: read,
      request: async () => {
        const card = await freshCard();
        const readers = await t.db.user.findMany({
          where: { OR: [{ id: { in: teamMembers.map((m) => m.userId) } }, { orgRole: { in: ['PMO', 'ADMIN'] } }] },
        });
        await t.db.approvalRequest.create({
          data: { cardId: card.id, approvers: { create: readers.map((r) => ({ userId: r.id })) } },
        });
        return { method: 'POST', url: `/api/cards/${card.id}/approval/decision`, body: { decision: 'APPROVED' } };
      },
    },
    {
      route: 'POST /api/cards/:cardId/checklists',
      expected: work(201),
      request: async () => ({
        method: 'POST',
        url: `/api/cards/${(await freshCard()).id}/checklists`,
        body: { title: 'Done means' },
      }),
    },
    {
      route: 'POST /api/cards/:cardId/links',
      expected: work(201),
      request: async () => ({
        method: 'POST',
        url: `/api/cards/${(await freshCard()).id}/links`,
        body: { toCardId: (await freshCard()).id, kind: 'DEPENDS_ON' },
      }),
    },
    {
      route: 'DELETE /api/card-links/:linkId',
      expected: work(200),
      request: async () => ({ method: 'DELETE', url: `/api/card-links/${(await freshLink()).id}` }),
    },
    {
      route: 'POST /api/checklists/:checklistId/items',
      expected: work(201),
      request: async () => ({
        method: 'POST',
        url: `/api/checklists/${(await freshChecklist()).id}/items`,
        body: { text: 'Proofread' },
      }),
    },
    {
      route: 'DELETE /api/checklists/:checklistId',
      expected: work(200),
      request: async () => ({ method: 'DELETE', url: `/api/checklists/${(await freshChecklist()).id}` }),
    },
    {
      route: 'PATCH /api/checklists/items/:itemId',
      expected: work(200),
      request: async () => ({
        method: 'PATCH',
        url: `/api/checklists/items/${(await freshItem()).id}`,
        body: { done: true },
      }),
    },
    {
      route: 'DELETE /api/checklists/items/:itemId',
      expected: work(200),
      request: async () => ({ method: 'DELETE', url: `/api/checklists/items/${(await freshItem()).id}` }),
    },
    {
      route: 'POST /api/columns/',
      expected: layout(201),
      request: async () => ({
        method: 'POST',
        url: '/api/columns',
        body: { boardId: board().id, name: 'Matrix column' },
      }),
    },
    {
      route: 'PATCH /api/columns/:columnId',
      expected: layout(200),
      request: async () => ({
        method: 'PATCH',
        url: `/api/columns/${(await freshColumn()).id}`,
        body: { wipLimit: 3 },
      }),
    },
    {
      route: 'DELETE /api/columns/:columnId',
      expected: layout(200),
      request: async () => ({ method: 'DELETE', url: `/api/columns/${(await freshColumn()).id}` }),
    },
    {
      route: 'POST /api/swimlanes/',
      expected: layout(201),
      request: async () => ({
        method: 'POST',
        url: '/api/swimlanes',
        body: { boardId: board().id, name: 'Matrix lane' },
      }),
    },
    {
      route: 'PATCH /api/swimlanes/:swimlaneId',
      expected: layout(200),
      request: async () => ({
        method: 'PATCH',
        url: `/api/swimlanes/${(await freshLane()).id}`,
        body: { wipLimit: 2 },
      }),
    },
    {
      route: 'DELETE /api/swimlanes/:swimlaneId',
      expected: layout(200),
      request: async () => ({ method: 'DELETE', url: `/api/swimlanes/${(await freshLane()).id}` }),
    },
    {
      route: 'GET /api/sprints/',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/sprints?teamId=${team.id}` }),
    },
    {
      route: 'GET /api/sprints/:sprintId',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/sprints/${sprintId}` }),
    },
    {
      route: 'POST /api/sprints/',
      expected: plan(201),
      request: async () => ({
        method: 'POST',
        url: '/api/sprints',
        body: { teamId: team.id, name: 'Sprint 2', startDate: '2026-12-07', endDate: '2026-12-18', capacityPoints: 20 },
      }),
    },
    {
      route: 'PATCH /api/sprints/:sprintId',
      expected: plan(200),
      request: async () => ({
        method: 'PATCH',
        url: `/api/sprints/${(await freshSprint('PLANNED', team.id)).id}`,
        body: { goal: 'Launch' },
      }),
    },
    {
      route: 'PUT /api/sprints/:sprintId/availability',
      expected: plan(200),
      request: async () => ({
        method: 'PUT',
        url: `/api/sprints/${(await freshSprint('PLANNED', team.id)).id}/availability`,
        body: { people: [{ userId: teamMembers[0]!.userId, daysOff: 2 }] },
      }),
    },
    {
      route: 'POST /api/sprints/:sprintId/start',
      expected: plan(200),
      request: async () => ({ method: 'POST', url: `/api/sprints/${(await freshSprint('PLANNED')).id}/start` }),
    },
    {
      route: 'POST /api/sprints/:sprintId/close',
      expected: plan(200),
      request: async () => ({
        method: 'POST',
        url: `/api/sprints/${(await freshSprint('ACTIVE')).id}/close`,
        body: { goalMet: true },
      }),
    },
    {
      route: 'GET /api/sprints/:sprintId/burndown',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/sprints/${sprintId}/burndown` }),
    },
    {
      route: 'GET /api/sprints/velocity',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/sprints/velocity?teamId=${team.id}` }),
    },
    {
      route: 'GET /api/teams/:teamId/backlog',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/teams/${team.id}/backlog` }),
    },
    {
      route: 'PUT /api/cards/:cardId/sprint',
      expected: plan(200),
      request: async () => ({ method: 'PUT', url: `/api/cards/${(await freshCard()).id}/sprint`, body: { sprintId } }),
    },
    {
      route: 'POST /api/cards/:cardId/backlog-rank',
      expected: plan(200),
      request: async () => ({
        method: 'POST',
        url: `/api/cards/${(await freshCard()).id}/backlog-rank`,
        body: { afterCardId: null },
      }),
    },
    {
      route: 'GET /api/sprints/:sprintId/retrospective',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/sprints/${(await freshRetro()).sprintId}/retrospective` }),
    },
    // Scrum masters (and admins) run the retrospective; product owners plan sprints but do not.
    {
      route: 'PUT /api/sprints/:sprintId/retrospective',
      expected: layout(200),
      request: async () => ({
        method: 'PUT',
        url: `/api/sprints/${(await freshRetro()).sprintId}/retrospective`,
        body: { state: 'CLOSED' },
      }),
    },
    {
      route: 'POST /api/sprints/:sprintId/retrospective/notes',
      expected: work(201),
      request: async () => ({
        method: 'POST',
        url: `/api/sprints/${(await freshRetro()).sprintId}/retrospective/notes`,
        body: { group: 'TO_IMPROVE', text: 'Fewer channels' },
      }),
    },
    {
      route: 'PUT /api/retrospective-notes/:noteId/vote',
      expected: work(200),
      request: async () => ({
        method: 'PUT',
        url: `/api/retrospective-notes/${(await freshNote()).id}/vote`,
        body: { dots: 2 },
      }),
    },
    {
      route: 'PATCH /api/retrospective-notes/:noteId',
      expected: work(200),
      request: async () => ({
        method: 'PATCH',
        url: `/api/retrospective-notes/${(await membersNote()).id}`,
        body: { text: 'Reworded' },
      }),
    },
    {
      route: 'DELETE /api/retrospective-notes/:noteId',
      expected: work(200),
      request: async () => ({ method: 'DELETE', url: `/api/retrospective-notes/${(await membersNote()).id}` }),
    },
    {
      route: 'POST /api/retrospective-notes/:noteId/card',
      expected: layout(201),
      request: async () => ({ method: 'POST', url: `/api/retrospective-notes/${(await freshNote('ACTION')).id}/card` }),
    },
    {
      route: 'GET /api/teams/:teamId/standup',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/teams/${team.id}/standup` }),
    },
    {
      route: 'GET /api/teams/:teamId/calendar',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/teams/${team.id}/calendar?from=2026-11-30&to=2027-01-03` }),
    },
    // My calendar: each person's own cards, on the teams they can read.
    {
      route: 'GET /api/calendar',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'GET', url: '/api/calendar?from=2026-11-30&to=2027-01-03' }),
    },
    {
      route: 'PUT /api/teams/:teamId/standup-settings',
      expected: layout(200),
      request: async () => ({
        method: 'PUT',
        url: `/api/teams/${team.id}/standup-settings`,
        body: { standupTime: '09:45' },
      }),
    },
    {
      route: 'PUT /api/cards/:cardId/escalation',
      expected: work(200),
      request: async () => {
        const card = await t.db.card.update({
          where: { id: (await freshCard()).id },
          data: { blocked: true, blockedReason: 'Waiting on legal', blockedSince: new Date() },
        });
        return { method: 'PUT', url: `/api/cards/${card.id}/escalation`, body: { escalated: true } };
      },
    },
    {
      route: 'GET /api/dashboard/teams',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'GET', url: '/api/dashboard/teams' }),
    },
    // Without a team filter, the overview and cumulative flow cover whatever the person can see (checked below).
    {
      route: 'GET /api/dashboard/overview',
      expected: read,
      request: async () => ({
        method: 'GET',
        url: `/api/dashboard/overview?from=2026-01-01&to=2026-01-31&teams=${team.id}`,
      }),
    },
    {
      route: 'GET /api/dashboard/cumulative-flow',
      expected: read,
      request: async () => ({
        method: 'GET',
        url: `/api/dashboard/cumulative-flow?from=2026-01-01&to=2026-01-31&teamId=${team.id}`,
      }),
    },
    {
      route: 'GET /api/dashboard/teams/:teamId/cycle-time',
      expected: read,
      request: async () => ({
        method: 'GET',
        url: `/api/dashboard/teams/${team.id}/cycle-time?from=2026-01-01&to=2026-01-31`,
      }),
    },
    {
      route: 'GET /api/dashboard/teams/:teamId/flow',
      expected: read,
      request: async () => ({
        method: 'GET',
        url: `/api/dashboard/teams/${team.id}/flow?from=2026-01-01&to=2026-01-31`,
      }),
    },
    {
      route: 'GET /api/dashboard/teams/:teamId/aging',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/dashboard/teams/${team.id}/aging` }),
    },
    {
      route: 'GET /api/dashboard/teams/:teamId/forecast',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/dashboard/teams/${team.id}/forecast?cards=12&seed=1` }),
    },
    // Links show only where both teams are readable; naming a team one cannot read is "not found" (checked below).
    {
      route: 'GET /api/dashboard/dependencies',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/dashboard/dependencies?teams=${team.id}` }),
    },
    {
      route: 'GET /api/dashboard/dependencies/graph',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/dashboard/dependencies/graph?teams=${team.id}` }),
    },
    {
      route: 'GET /api/dashboard/principle-coverage',
      expected: read,
      request: async () => ({
        method: 'GET',
        url: `/api/dashboard/principle-coverage?from=2026-01-01&to=2026-01-31&teams=${team.id}`,
      }),
    },
    {
      route: 'GET /api/dashboard/stages',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'GET', url: '/api/dashboard/stages' }),
    },
    {
      route: 'POST /api/dashboard/stages',
      expected: portfolioManager(201),
      request: async () => ({
        method: 'POST',
        url: '/api/dashboard/stages',
        body: { name: `Matrix stage ${n++}`, flowCategory: 'DONE' },
      }),
    },
    {
      route: 'PUT /api/dashboard/stages/order',
      expected: portfolioManager(200),
      request: async () => ({
        method: 'PUT',
        url: '/api/dashboard/stages/order',
        body: { stageIds: (await t.db.portfolioStage.findMany({ orderBy: { position: 'asc' } })).map((s) => s.id) },
      }),
    },
    {
      route: 'PATCH /api/dashboard/stages/:stageId',
      expected: portfolioManager(200),
      request: async () => ({
        method: 'PATCH',
        url: `/api/dashboard/stages/${(await freshStage()).id}`,
        body: { name: `Matrix renamed ${n++}` },
      }),
    },
    {
      route: 'DELETE /api/dashboard/stages/:stageId',
      expected: portfolioManager(200),
      request: async () => ({ method: 'DELETE', url: `/api/dashboard/stages/${(await freshStage()).id}` }),
    },
    {
      route: 'GET /api/dashboard/stage-mapping',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'GET', url: '/api/dashboard/stage-mapping' }),
    },
    {
      route: 'PUT /api/dashboard/columns/:columnId/stage',
      expected: portfolioManager(200),
      request: async () => ({
        method: 'PUT',
        url: `/api/dashboard/columns/${(await freshColumn()).id}/stage`,
        body: { stageId: null },
      }),
    },
    // Obstacles: asked for team A by name (without it, each person gets the teams they can read: checked below).
    {
      route: 'GET /api/dashboard/obstacles',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/dashboard/obstacles?teams=${team.id}` }),
    },
    {
      route: 'GET /api/dashboard/obstacles/blocked-time',
      expected: read,
      request: async () => ({
        method: 'GET',
        url: `/api/dashboard/obstacles/blocked-time?from=2026-01-01&to=2026-01-31&teams=${team.id}`,
      }),
    },
    {
      route: 'GET /api/dashboard/obstacles/time-to-clear',
      expected: read,
      request: async () => ({
        method: 'GET',
        url: `/api/dashboard/obstacles/time-to-clear?from=2026-01-01&to=2026-01-31&teams=${team.id}`,
      }),
    },
    {
      // Only the PMO and admins work the PMO's side of an escalated obstacle.
      route: 'PUT /api/cards/:cardId/pmo-handling',
      expected: { anonymous: 401, member: 403, viewer: 403, master: 403, outsider: 404, pmo: 200, admin: 200 },
      request: async () => {
        const card = await t.db.card.update({
          where: { id: (await freshCard()).id },
          data: { blocked: true, blockedReason: 'Waiting on legal', blockedSince: new Date(), escalatedAt: new Date() },
        });
        return {
          method: 'PUT',
          url: `/api/cards/${card.id}/pmo-handling`,
          body: { state: 'handling', note: 'Talking to legal today' },
        };
      },
    },
    // Notifications: each person's own inbox and choices; watching and mentioning follow reading the card.
    {
      route: 'GET /api/notifications',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'GET', url: '/api/notifications' }),
    },
    {
      route: 'GET /api/notifications/unread',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'GET', url: '/api/notifications/unread' }),
    },
    {
      route: 'POST /api/notifications/read-all',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'POST', url: '/api/notifications/read-all' }),
    },
    {
      // Only the member's own notification: to everyone else it does not exist.
      route: 'POST /api/notifications/:notificationId/read',
      expected: { anonymous: 401, member: 200, viewer: 404, master: 404, outsider: 404, pmo: 404, admin: 404 },
      request: async () => {
        const note = await t.db.notification.create({
          data: { userId: teamMembers[0]!.userId, kind: 'card.done', key: `matrix-${n++}`, teamId: team.id },
        });
        return { method: 'POST', url: `/api/notifications/${note.id}/read` };
      },
    },
    {
      route: 'GET /api/notifications/preferences',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'GET', url: '/api/notifications/preferences' }),
    },
    {
      route: 'PUT /api/notifications/preferences',
      expected: anyoneSignedIn,
      request: async () => ({ method: 'PUT', url: '/api/notifications/preferences', body: { digestHour: 9 } }),
    },
    {
      route: 'GET /api/cards/:cardId/watchers',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/cards/${(await freshCard()).id}/watchers` }),
    },
    {
      route: 'PUT /api/cards/:cardId/watch',
      expected: read,
      request: async () => ({
        method: 'PUT',
        url: `/api/cards/${(await freshCard()).id}/watch`,
        body: { watching: true },
      }),
    },
    {
      route: 'GET /api/cards/:cardId/mention-candidates',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/cards/${(await freshCard()).id}/mention-candidates?q=a` }),
    },
    {
      route: 'GET /api/teams/:teamId/mention-candidates',
      expected: read,
      request: async () => ({ method: 'GET', url: `/api/teams/${team.id}/mention-candidates` }),
    },
  ];
  // Open to everyone by design, or streaming (checked over real HTTP in board-events.test.ts and notifications.test.ts).
  // Invitation links are their own credential: invitations.test.ts checks them signed in and out. So are unsubscribe
  // links (notification-mail.test.ts), and calendar feeds' URLs (calendar-feeds.test.ts).
  const outsideTheMatrix = [
    'GET /api/health',
    'POST /api/auth/sign-in',
    'POST /api/auth/sign-up',
    'POST /api/auth/sign-out',
    'GET /api/auth/sign-up-status',
    'GET /api/boards/:boardId/events',
    'GET /api/notifications/events',
    'GET /api/invitations/token/:token',
    'POST /api/invitations/accept',
    'GET /api/notifications/unsubscribe',
    'POST /api/notifications/unsubscribe',
    'GET /api/calendar-feeds/:file',
  ];

  it('covers every route the API registers', () => {
    const covered = new Set([...cases.map((c) => c.route.replace(/\/$/, '')), ...outsideTheMatrix]);
    const missing = [...registered].filter((r) => !covered.has(r));
    expect(missing, 'routes without an access case').toEqual([]);
    expect(registered.size).toBeGreaterThan(25);
  });

  for (const c of cases) {
    it(`${c.route}`, async () => {
      const answers = {} as Record<Actor, number>;
      for (const actor of Object.keys(c.expected) as Actor[]) {
        const req = await c.request();
        const cookie = cookies[actor];
        const res = await t.app.inject({
          method: req.method,
          url: req.url,
          payload: req.raw?.payload ?? req.body,
          headers: {
            ...(cookie ? { cookie } : {}),
            ...(req.raw ? { 'content-type': req.raw.contentType } : {}),
          },
        });
        answers[actor] = res.statusCode;
        if (res.statusCode >= 400) expect(res.json().error.code, `${actor}: ${res.body}`).toBeTypeOf('string');
      }
      expect(answers).toEqual(c.expected);
    });
  }

  // The rows above change the member's own note. Someone else's note is the scrum master's (or an admin's) to change.
  it('lets a member change their own retrospective notes only', async () => {
    const mastersNote = () => freshNote('WENT_WELL', teamMembers[2]!.userId);
    const answers = {} as Record<Actor, number[]>;
    for (const actor of Object.keys(cookies) as Actor[]) {
      const headers = { cookie: cookies[actor]! };
      const edited = await t.app.inject({
        method: 'PATCH',
        url: `/api/retrospective-notes/${(await mastersNote()).id}`,
        payload: { text: 'Reworded' },
        headers,
      });
      const deleted = await t.app.inject({
        method: 'DELETE',
        url: `/api/retrospective-notes/${(await mastersNote()).id}`,
        headers,
      });
      answers[actor] = [edited.statusCode, deleted.statusCode];
    }
    expect(answers).toEqual({
      member: [403, 403],
      viewer: [403, 403],
      master: [200, 200],
      outsider: [404, 404],
      pmo: [403, 403],
      admin: [200, 200],
    });
  });

  it('shows a team to the PMO and its members only', async () => {
    const dashboard = async (actor: Actor) =>
      (await t.app.inject({ method: 'GET', url: '/api/dashboard/teams', headers: { cookie: cookies[actor]! } }))
        .json()
        .teams.map((x: { id: string }) => x.id);
    expect(await dashboard('member')).toContain(team.id);
    expect(await dashboard('pmo')).toContain(team.id);
    expect(await dashboard('outsider')).not.toContain(team.id);
    const overview = async (actor: Actor) =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/dashboard/overview?from=2026-01-01&to=2026-01-31',
          headers: { cookie: cookies[actor]! },
        })
      )
        .json()
        .teams.map((x: { id: string }) => x.id);
    expect(await overview('member')).toContain(team.id);
    expect(await overview('pmo')).toContain(team.id);
    expect(await overview('admin')).toContain(team.id);
    expect(await overview('outsider')).not.toContain(team.id);
    expect(await overview('outsider')).toHaveLength(1);
    const obstacleTeams = async (actor: Actor) => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/dashboard/obstacles/blocked-time?from=2026-01-01&to=2026-01-31',
        headers: { cookie: cookies[actor]! },
      });
      return res.json().teams.map((x: { id: string }) => x.id);
    };
    expect(await obstacleTeams('member')).toContain(team.id);
    expect(await obstacleTeams('pmo')).toContain(team.id);
    expect(await obstacleTeams('outsider')).not.toContain(team.id);
    const teams = async (actor: Actor) =>
      (await t.app.inject({ method: 'GET', url: '/api/teams', headers: { cookie: cookies[actor]! } }))
        .json()
        .teams.map((x: { id: string }) => x.id);
    expect(await teams('outsider')).not.toContain(team.id);
    expect(await teams('pmo')).toContain(team.id);
  });

  // Routes that return cards through a relation (links, search, history, events, dashboard, boards, sprints) show a
  // reader nothing of a team they cannot read: not a title, a name, a column or an id.
  it('reveals nothing of an unreadable team through relations', async () => {
    const secretTeam = await createTeam(t.db, [], 'Hidden Web Development');
    const secretColumn = await t.db.column.create({
      data: { boardId: secretTeam.board.id, name: 'Hidden QA column', position: 90 },
    });
    const [secret] = await addCards(t.db, secretTeam.board.id, secretColumn.id, 1, 'Hidden landing template');
    const [ours] = await addCards(t.db, board().id, backlog().id, 1, 'Launch page');
    await t.db.card.update({ where: { id: ours!.id }, data: { sprintId } });
    // An admin (who sees both teams) links the cards both ways, through the API, so history and events are written.
    const asAdmin = (method: 'POST', url: string, payload: object) =>
      t.app.inject({ method, url, payload, headers: { cookie: cookies.admin! } });
    expect(
      (await asAdmin('POST', `/api/cards/${ours!.id}/links`, { toCardId: secret!.id, kind: 'DEPENDS_ON' })).statusCode,
    ).toBe(201);
    expect(
      (await asAdmin('POST', `/api/cards/${secret!.id}/links`, { toCardId: ours!.id, kind: 'BLOCKS' })).statusCode,
    ).toBe(201);
    // Both cards deliver for one campaign: its page counts the secret card and shows only ours.
    const campaign = await freshCampaign();
    await t.db.card.updateMany({ where: { id: { in: [secret!.id, ours!.id] } }, data: { campaignId: campaign.id } });
    const secrets = [
      secret!.id,
      secret!.title,
      secretTeam.id,
      secretTeam.name,
      secretTeam.board.id,
      secretColumn.id,
      secretColumn.name,
    ];
    const reveals = (text: string) => secrets.filter((x) => text.includes(x));

    const routes = [
      `/api/cards/${ours!.id}`,
      '/api/cards/search?q=landing',
      '/api/cards/search?q=Hidden',
      `/api/boards/${board().id}`,
      `/api/boards/${board().id}/archived-cards`,
      '/api/dashboard/teams',
      '/api/dashboard/stage-mapping',
      '/api/teams',
      `/api/teams/${team.id}`,
      `/api/sprints?teamId=${team.id}`,
      `/api/sprints/${sprintId}`,
      '/api/dashboard/dependencies',
      '/api/dashboard/dependencies/graph',
      '/api/campaigns',
      `/api/campaigns/${campaign.id}`,
    ];
    const baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    for (const actor of ['member', 'viewer', 'master'] as const) {
      for (const url of routes) {
        const res = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies[actor]! } });
        expect(res.statusCode, `${actor} ${url}`).toBe(200);
        expect(reveals(res.body), `${actor} ${url}`).toEqual([]);
      }
      const detail = (
        await t.app.inject({ method: 'GET', url: `/api/cards/${ours!.id}`, headers: { cookie: cookies[actor]! } })
      ).json();
      // The links are there, as links to another team, without the card.
      expect(
        detail.links.map((l: { kind: string; direction: string; card: unknown }) => [l.kind, l.direction, l.card]),
      ).toEqual(
        expect.arrayContaining([
          ['DEPENDS_ON', 'outgoing', null],
          ['BLOCKS', 'incoming', null],
        ]),
      );
      expect(detail.history.some((h: { kind: string }) => h.kind === 'link.added')).toBe(true);
      // The board's live stream, replayed from the start.
      const stream = await watchEvents(`${baseUrl}/api/boards/${board().id}/events?after=0`, cookies[actor]!);
      expect(stream.status).toBe(200);
      await stream.until((e) => e.cardId === ours!.id && e.kind === 'link.added');
      stream.close();
      expect(reveals(JSON.stringify(stream.events)), `${actor} events`).toEqual([]);
      // The other card itself stays "not found".
      expect(
        (await t.app.inject({ method: 'GET', url: `/api/cards/${secret!.id}`, headers: { cookie: cookies[actor]! } }))
          .statusCode,
      ).toBe(404);
    }
    // Whoever can read both teams sees the card.
    const forPmo = (
      await t.app.inject({ method: 'GET', url: `/api/cards/${ours!.id}`, headers: { cookie: cookies.pmo! } })
    ).json();
    expect(forPmo.links.map((l: { card: { title: string } | null }) => l.card?.title)).toEqual([
      secret!.title,
      secret!.title,
    ]);
    // The PMO's dependency list has the wait (recorded from both cards, listed once); the members' lists do not.
    const waits = (
      await t.app.inject({
        method: 'GET',
        url: `/api/dashboard/dependencies?waiting=${team.id}`,
        headers: { cookie: cookies.pmo! },
      })
    ).json();
    expect(
      waits.dependencies.map((d: { waiting: { title: string }; on: { title: string } }) => [
        d.waiting.title,
        d.on.title,
      ]),
    ).toEqual([[ours!.title, secret!.title]]);
  });
});
