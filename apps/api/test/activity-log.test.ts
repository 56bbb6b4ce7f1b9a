// The activity log as a contract: every write route records exactly the entries it should, each matching its
// kind's schema, and a change whose history cannot be written is not saved at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityKinds, readActivityPayload, type ActivityKind } from '@amb/shared/activity';
import { addCards } from './support/board-fixtures';
import { fileForm } from './support/file-form';
import { newInvitationToken } from '../src/services/invitations/invitation-token';
import { createTeam, createUser, signIn, startTestApp, TEST_PASSWORD, type TestContext } from './support/test-app';

const expectString = expect.any(String);

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Expected {
  kind: ActivityKind;
  /** Parts of the entry that must match: its subject columns and payload. */
  with?: Record<string, unknown> | (() => Record<string, unknown>);
}
interface WriteCase {
  route: string;
  /** Sets up what the call needs and returns the call. */
  request: () => Promise<{
    method: Method;
    url: string;
    body?: object;
    cookie?: string;
    /** A body other than JSON (an upload), with its content type. */
    raw?: { payload: Buffer; contentType: string };
  }>;
  status: number;
  entries: Expected[];
}

describe('the activity log', () => {
  const registered = new Set<string>();
  let t: TestContext;
  let cookie: string;
  let adminId: string;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let other: Awaited<ReturnType<typeof createTeam>>;
  let sprintId: string;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp({}, (route) => {
      for (const method of [route.method].flat())
        if (!['GET', 'HEAD'].includes(method) && route.url.startsWith('/api/'))
          registered.add(`${method} ${route.url.replace(/\/$/, '')}`);
    });
    const admin = await createUser(t.db, { orgRole: 'ADMIN', name: 'Alex Admin' });
    adminId = admin.id;
    team = await createTeam(t.db, [{ userId: admin.id, role: 'SCRUM_MASTER' }]);
    other = await createTeam(t.db, []);
    sprintId = (
      await t.db.sprint.create({
        data: {
          teamId: team.id,
          name: 'Sprint 12',
          startDate: new Date(),
          endDate: new Date(Date.now() + 14 * 86_400_000),
          state: 'ACTIVE',
        },
      })
    ).id;
    cookie = await signIn(t.app, admin.email);
    // Sign-up without an invitation is closed by default; the sign-up case below needs it open.
    await t.db.orgSettings.update({ where: { id: 1 }, data: { signUpPolicy: 'OPEN' } });
  });
  afterAll(() => t.close());

  const call = async (r: Awaited<ReturnType<WriteCase['request']>>) =>
    t.app.inject({
      method: r.method,
      url: r.url,
      headers: { cookie: r.cookie ?? cookie, ...(r.raw ? { 'content-type': r.raw.contentType } : {}) },
      payload: r.raw?.payload ?? r.body,
    });
  // An attachment on a fresh card, written straight to the database (its bytes are not read by these cases).
  const freshAttachment = async (file = { name: 'brief.pdf', contentType: 'application/pdf' }) =>
    t.db.attachment.create({
      data: {
        cardId: (await freshCard()).id,
        name: file.name,
        uploaderId: adminId,
        versions: {
          create: {
            number: 1,
            storageKey: `attachments/${crypto.randomUUID()}`,
            size: 9,
            contentType: file.contentType,
            fileName: file.name,
          },
        },
      },
    });
  const upload = fileForm('brief.pdf', '%PDF-1.7\n');
  const column = (name: string, board = team.board) => board.columns.find((c) => c.name === name)!;
  const freshCard = async (columnName = 'Backlog', board = team.board) =>
    (await addCards(t.db, board.id, column(columnName, board).id, 1, `Log ${n++}`))[0]!;
  const freshPerson = () => createUser(t.db);
  const freshCampaign = (name: string) =>
    t.db.campaign.create({
      data: { name, startDate: new Date('2027-03-01'), endDate: new Date('2027-03-31'), colour: 'teal' },
    });
  const freshToken = (userId: string) =>
    t.db.apiToken.create({
      data: {
        userId,
        name: 'Report script',
        tokenHash: `token-${n++}-${Math.random()}`,
        prefix: 'amb_pat_xxxxxx',
        canWrite: false,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
  const freshFeed = (userId: string, teamId: string | null = null) =>
    t.db.calendarFeed.create({ data: { userId, teamId, tokenHash: `feed-${n++}-${Math.random()}` } });
  const freshInvitation = async () => {
    const { token, tokenHash } = newInvitationToken();
    const invitation = await t.db.invitation.create({
      data: {
        tokenHash,
        email: `invited-${n++}@example.test`,
        teamId: team.id,
        role: 'MEMBER',
        invitedById: adminId,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    return { ...invitation, token };
  };
  const freshWebhook = () =>
    t.db.webhook.create({
      data: {
        teamId: team.id,
        url: 'https://93.184.215.14/hook',
        events: ['sprint.started'],
        secret: 'a-secret-of-sixteen-or-more',
      },
    });
  const member = async (role: 'MEMBER' | 'VIEWER' = 'MEMBER') => {
    const person = await freshPerson();
    await t.db.membership.create({ data: { teamId: team.id, userId: person.id, role } });
    return person;
  };
  const freshChecklist = async () =>
    t.db.checklist.create({ data: { cardId: (await freshCard()).id, title: 'Definition of done', position: 0 } });
  const freshItem = async () =>
    t.db.checklistItem.create({ data: { checklistId: (await freshChecklist()).id, text: 'Proofread', position: 0 } });
  const place = (name: string, flowCategory: string) => ({ columnId: column(name).id, swimlaneId: null, flowCategory });
  // A team of its own, for a sprint lifecycle that must not meet the main team's active sprint.
  const sprintTeam = () => createTeam(t.db, [{ userId: adminId, role: 'SCRUM_MASTER' }]);
  const plannedSprint = (teamId = team.id) =>
    t.db.sprint.create({
      data: { teamId, name: 'Planned', startDate: new Date('2026-12-15'), endDate: new Date('2026-12-28') },
    });

  const freshRetrospective = async () => {
    const closed = await t.db.sprint.create({
      data: {
        teamId: team.id,
        name: `Retro ${n++}`,
        startDate: new Date('2026-11-02'),
        endDate: new Date('2026-11-13'),
        state: 'CLOSED',
      },
    });
    return t.db.retrospective.create({ data: { sprintId: closed.id } });
  };

  const freshStage = () =>
    t.db.portfolioStage.create({ data: { name: `Stage ${n++}`, position: 100 + n, flowCategory: 'DONE' } });

  // What the current case's request set up, for its expectations.
  let last: Record<string, string> = {};

  const cases: WriteCase[] = [
    {
      route: 'POST /api/auth/sign-up',
      status: 201,
      entries: [],
      request: async () => ({
        method: 'POST',
        url: '/api/auth/sign-up',
        body: { email: `new-${n++}@example.test`, name: 'New Person', password: 'correct-horse-battery' },
      }),
    },
    {
      route: 'POST /api/auth/sign-in',
      status: 200,
      entries: [],
      request: async () => ({
        method: 'POST',
        url: '/api/auth/sign-in',
        body: { email: (await freshPerson()).email, password: 'correct-horse-battery' },
      }),
    },
    {
      route: 'POST /api/auth/sign-out',
      status: 200,
      entries: [],
      request: async () => ({
        method: 'POST',
        url: '/api/auth/sign-out',
        cookie: await signIn(t.app, (await freshPerson()).email),
      }),
    },
    {
      route: 'POST /api/teams',
      status: 201,
      entries: [{ kind: activityKinds.teamCreated, with: { to: { name: 'Events' } } }],
      request: async () => ({ method: 'POST', url: '/api/teams', body: { name: 'Events', slug: `events-${n++}` } }),
    },
    {
      route: 'POST /api/teams/:teamId/members',
      status: 200,
      entries: [{ kind: activityKinds.memberAdded }],
      request: async () => ({
        method: 'POST',
        url: `/api/teams/${team.id}/members`,
        body: { email: (await freshPerson()).email, role: 'MEMBER' },
      }),
    },
    {
      route: 'PUT /api/teams/:teamId/members/:userId',
      status: 200,
      entries: [{ kind: activityKinds.memberRoleChanged, with: { from: { role: 'MEMBER' }, to: { role: 'VIEWER' } } }],
      request: async () => ({
        method: 'PUT',
        url: `/api/teams/${team.id}/members/${(await member()).id}`,
        body: { role: 'VIEWER' },
      }),
    },
    {
      route: 'DELETE /api/teams/:teamId/members/:userId',
      status: 200,
      entries: [{ kind: activityKinds.memberRemoved, with: { from: { role: 'VIEWER' } } }],
      request: async () => ({ method: 'DELETE', url: `/api/teams/${team.id}/members/${(await member('VIEWER')).id}` }),
    },
    {
      route: 'PATCH /api/teams/:teamId',
      status: 200,
      entries: [{ kind: activityKinds.teamRenamed, with: { to: { name: 'Field Events' } } }],
      request: async () => ({
        method: 'PATCH',
        url: `/api/teams/${(await createTeam(t.db)).id}`,
        body: { name: 'Field Events' },
      }),
    },
    {
      route: 'POST /api/teams/:teamId/archive',
      status: 200,
      entries: [{ kind: activityKinds.teamArchived }],
      request: async () => ({ method: 'POST', url: `/api/teams/${(await createTeam(t.db)).id}/archive` }),
    },
    {
      route: 'POST /api/teams/:teamId/invitations',
      status: 201,
      entries: [
        { kind: activityKinds.invitationCreated, with: { to: { email: 'invitee@example.test', role: 'VIEWER' } } },
      ],
      request: async () => ({
        method: 'POST',
        url: `/api/teams/${team.id}/invitations`,
        body: { email: 'invitee@example.test', role: 'VIEWER' },
      }),
    },
    {
      route: 'DELETE /api/invitations/:invitationId',
      status: 200,
      entries: [{ kind: activityKinds.invitationRevoked }],
      request: async () => ({ method: 'DELETE', url: `/api/invitations/${(await freshInvitation()).id}` }),
    },
    {
      route: 'POST /api/invitations/accept',
      status: 200,
      entries: [{ kind: activityKinds.invitationAccepted }],
      request: async () => ({
        method: 'POST',
        url: '/api/invitations/accept',
        body: { token: (await freshInvitation()).token, name: 'Invited Person', password: 'correct-horse-battery' },
        cookie: '',
      }),
    },
    {
      route: 'POST /api/users/:userId/deactivate',
      status: 200,
      entries: [{ kind: activityKinds.personDeactivated }],
      request: async () => ({ method: 'POST', url: `/api/users/${(await freshPerson()).id}/deactivate` }),
    },
    {
      route: 'POST /api/users/:userId/reactivate',
      status: 200,
      entries: [{ kind: activityKinds.personReactivated }],
      request: async () => ({
        method: 'POST',
        url: `/api/users/${(await t.db.user.update({ where: { id: (await freshPerson()).id }, data: { deactivatedAt: new Date() } })).id}/reactivate`,
      }),
    },
    {
      route: 'PUT /api/admin/sign-up-settings',
      status: 200,
      entries: [
        { kind: activityKinds.signUpPolicyChanged, with: { to: { signUpPolicy: 'OPEN', allowedDomains: [] } } },
      ],
      request: async () => ({ method: 'PUT', url: '/api/admin/sign-up-settings', body: { signUpPolicy: 'OPEN' } }),
    },
    // API tokens: made and revoked in the audit log, by the person or by an admin.
    {
      route: 'POST /api/account/tokens',
      status: 201,
      entries: [{ kind: activityKinds.apiTokenCreated, with: { to: { name: 'Report script', canWrite: false } } }],
      request: async () => ({
        method: 'POST',
        url: '/api/account/tokens',
        body: { name: 'Report script', access: 'read' },
      }),
    },
    {
      route: 'DELETE /api/account/tokens/:tokenId',
      status: 200,
      entries: [{ kind: activityKinds.apiTokenRevoked, with: { from: { name: 'Report script' } } }],
      request: async () => ({ method: 'DELETE', url: `/api/account/tokens/${(await freshToken(adminId)).id}` }),
    },
    {
      route: 'DELETE /api/admin/tokens/:tokenId',
      status: 200,
      entries: [{ kind: activityKinds.apiTokenRevoked }],
      request: async () => ({
        method: 'DELETE',
        url: `/api/admin/tokens/${(await freshToken((await freshPerson()).id)).id}`,
      }),
    },
    // Calendar feeds: made, renewed and revoked in the audit log, like API tokens.
    {
      route: 'POST /api/account/calendar-feeds',
      status: 201,
      entries: [{ kind: activityKinds.calendarFeedCreated, with: { to: { name: 'My cards', teamId: null } } }],
      request: async () => ({ method: 'POST', url: '/api/account/calendar-feeds', body: { scope: 'mine' } }),
    },
    {
      route: 'POST /api/account/calendar-feeds/:feedId/renew',
      status: 200,
      entries: [{ kind: activityKinds.calendarFeedRenewed }],
      request: async () => ({
        method: 'POST',
        url: `/api/account/calendar-feeds/${(await freshFeed(adminId, team.id)).id}/renew`,
      }),
    },
    {
      route: 'DELETE /api/account/calendar-feeds/:feedId',
      status: 200,
      entries: [{ kind: activityKinds.calendarFeedRevoked, with: { from: { name: 'My cards' } } }],
      request: async () => ({ method: 'DELETE', url: `/api/account/calendar-feeds/${(await freshFeed(adminId)).id}` }),
    },
    // One's own account: not admin actions, and not in the log.
    // One's own inbox and watching: personal, not the card's history.
    {
      route: 'POST /api/notifications/:notificationId/read',
      status: 200,
      entries: [],
      request: async () => {
        const note = await t.db.notification.create({
          data: { userId: adminId, kind: 'mentioned', key: `read-${n++}` },
        });
        return { method: 'POST', url: `/api/notifications/${note.id}/read` };
      },
    },
    {
      route: 'POST /api/notifications/read-all',
      status: 200,
      entries: [],
      request: async () => ({ method: 'POST', url: '/api/notifications/read-all' }),
    },
    {
      route: 'POST /api/notifications/unsubscribe',
      status: 200,
      entries: [],
      request: async () => {
        const person = await t.db.user.update({
          where: { id: (await freshPerson()).id },
          data: { unsubscribeKey: `key-${n++}-abcdefghijkl` },
        });
        return {
          method: 'POST',
          url: `/api/notifications/unsubscribe?token=${person.id}.${person.unsubscribeKey}`,
          cookie: '',
        };
      },
    },
    {
      route: 'PUT /api/notifications/preferences',
      status: 200,
      entries: [],
      request: async () => ({ method: 'PUT', url: '/api/notifications/preferences', body: { digestHour: 8 } }),
    },
    {
      route: 'PUT /api/cards/:cardId/watch',
      status: 200,
      entries: [],
      request: async () => ({
        method: 'PUT',
        url: `/api/cards/${(await freshCard()).id}/watch`,
        body: { watching: true },
      }),
    },
    {
      route: 'PATCH /api/account',
      status: 200,
      entries: [],
      request: async () => ({ method: 'PATCH', url: '/api/account', body: { name: 'Alex Admin' } }),
    },
    {
      route: 'PUT /api/account/password',
      status: 200,
      entries: [],
      request: async () => ({
        method: 'PUT',
        url: '/api/account/password',
        body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
      }),
    },
    {
      route: 'DELETE /api/account/sessions/:sessionId',
      status: 200,
      entries: [],
      request: async () => {
        const session = await t.db.session.create({
          data: {
            id: `${(n++).toString(16).padStart(16, '0')}${'e'.repeat(48)}`,
            userId: adminId,
            expiresAt: new Date(Date.now() + 3_600_000),
          },
        });
        return { method: 'DELETE', url: `/api/account/sessions/${session.id.slice(0, 16)}` };
      },
    },
    {
      route: 'PUT /api/users/:userId/org-role',
      status: 200,
      entries: [{ kind: activityKinds.orgRoleChanged, with: { from: { orgRole: 'NONE' }, to: { orgRole: 'PMO' } } }],
      request: async () => ({
        method: 'PUT',
        url: `/api/users/${(await freshPerson()).id}/org-role`,
        body: { orgRole: 'PMO' },
      }),
    },
    {
      route: 'PUT /api/users/:userId/wip-limit',
      status: 200,
      entries: [
        {
          kind: activityKinds.personWipLimitChanged,
          with: { from: { wipLimit: null, wipPolicy: 'SOFT' }, to: { wipLimit: 3, wipPolicy: 'HARD' } },
        },
      ],
      request: async () => ({
        method: 'PUT',
        url: `/api/users/${(await member()).id}/wip-limit`,
        body: { wipLimit: 3, wipPolicy: 'HARD' },
      }),
    },
    // The organisation's portfolio stages (a done stage at the end keeps the stages in flow order).
    {
      route: 'POST /api/dashboard/stages',
      status: 201,
      entries: [
        {
          kind: activityKinds.portfolioStageCreated,
          with: { to: { name: 'Live and measured', flowCategory: 'DONE' } },
        },
      ],
      request: async () => ({
        method: 'POST',
        url: '/api/dashboard/stages',
        body: { name: 'Live and measured', flowCategory: 'DONE' },
      }),
    },
    {
      route: 'PATCH /api/dashboard/stages/:stageId',
      status: 200,
      entries: [{ kind: activityKinds.portfolioStageRenamed, with: { to: { name: 'Shipped and measured' } } }],
      request: async () => ({
        method: 'PATCH',
        url: `/api/dashboard/stages/${(await freshStage()).id}`,
        body: { name: 'Shipped and measured' },
      }),
    },
    {
      route: 'PUT /api/dashboard/stages/order',
      status: 200,
      entries: [{ kind: activityKinds.portfolioStagesReordered }],
      request: async () => {
        await freshStage();
        const ids = (await t.db.portfolioStage.findMany({ orderBy: { position: 'asc' } })).map((s) => s.id);
        // The two last (both done stages) change places.
        return {
          method: 'PUT',
          url: '/api/dashboard/stages/order',
          body: { stageIds: [...ids.slice(0, -2), ids.at(-1), ids.at(-2)] },
        };
      },
    },
    {
      route: 'DELETE /api/dashboard/stages/:stageId',
      status: 200,
      entries: [{ kind: activityKinds.portfolioStageRemoved }],
      request: async () => ({ method: 'DELETE', url: `/api/dashboard/stages/${(await freshStage()).id}` }),
    },
    {
      route: 'PUT /api/dashboard/columns/:columnId/stage',
      status: 200,
      entries: [
        {
          kind: activityKinds.portfolioColumnMapped,
          with: () => ({ to: { columnId: column('Done').id, stageId: last.stageId } }),
        },
      ],
      request: async () => {
        const stage = await freshStage();
        const col = column('Done');
        last = { stageId: stage.id };
        return { method: 'PUT', url: `/api/dashboard/columns/${col.id}/stage`, body: { stageId: stage.id } };
      },
    },
    // Queuing an import writes no entry; its job writes each card's (its only row here is skipped: nothing is written later).
    {
      route: 'POST /api/teams/:teamId/imports',
      status: 202,
      entries: [],
      request: async () => ({
        method: 'POST',
        url: `/api/teams/${team.id}/imports`,
        body: { format: 'csv', content: Buffer.from('title,column\nStray,Nowhere\n').toString('base64') },
      }),
    },
    {
      route: 'POST /api/teams/:teamId/webhooks',
      status: 201,
      entries: [],
      request: async () => ({
        method: 'POST',
        url: `/api/teams/${team.id}/webhooks`,
        body: { url: 'https://93.184.215.14/hook', events: ['sprint.started'], secret: 'a-secret-of-sixteen-or-more' },
      }),
    },
    {
      route: 'DELETE /api/webhooks/:webhookId',
      status: 200,
      entries: [],
      request: async () => ({ method: 'DELETE', url: `/api/webhooks/${(await freshWebhook()).id}` }),
    },
    // Webhooks are the team's plumbing, not its work: turning one off writes no entry, as registering one does not.
    {
      route: 'PATCH /api/webhooks/:webhookId',
      status: 200,
      entries: [],
      request: async () => ({
        method: 'PATCH',
        url: `/api/webhooks/${(await freshWebhook()).id}`,
        body: { active: false },
      }),
    },
    {
      route: 'POST /api/webhooks/deliveries/:deliveryId/resend',
      status: 409,
      entries: [],
      request: async () => {
        const hook = await t.db.webhook.update({
          where: { id: (await freshWebhook()).id },
          data: { active: false, disabledReason: 'The receiver answered 410 Gone' },
        });
        const delivery = await t.db.webhookDelivery.create({
          data: { webhookId: hook.id, activityId: 1n, event: 'sprint.started', payload: {}, status: 'GAVE_UP' },
        });
        return { method: 'POST', url: `/api/webhooks/deliveries/${delivery.id}/resend` };
      },
    },
    {
      route: 'POST /api/principles',
      status: 201,
      entries: [{ kind: activityKinds.principleCreated, with: { to: { name: 'Test and learn' } } }],
      request: async () => ({
        method: 'POST',
        url: '/api/principles',
        body: { key: `learn-${n++}`, name: 'Test and learn' },
      }),
    },
    {
      route: 'PATCH /api/principles/:principleId',
      status: 200,
      entries: [{ kind: activityKinds.principleUpdated, with: { to: { name: 'Respond to change' } } }],
      request: async () => {
        const p = await t.db.principle.create({ data: { key: `p-${n++}`, name: 'Respond', position: 100 + n } });
        return { method: 'PATCH', url: `/api/principles/${p.id}`, body: { name: 'Respond to change' } };
      },
    },
    {
      route: 'POST /api/campaigns',
      status: 201,
      entries: [{ kind: activityKinds.campaignCreated, with: { teamId: null, to: { name: 'Spring launch' } } }],
      request: async () => ({
        method: 'POST',
        url: '/api/campaigns',
        body: {
          name: 'Spring launch',
          startDate: '2027-03-01',
          endDate: '2027-03-31',
          ownerId: adminId,
          colour: 'green',
        },
      }),
    },
    {
      route: 'PATCH /api/campaigns/:campaignId',
      status: 200,
      entries: [
        {
          kind: activityKinds.campaignUpdated,
          with: { from: { status: 'PLANNED', name: 'Before' }, to: { status: 'DONE', name: 'After' } },
        },
      ],
      request: async () => ({
        method: 'PATCH',
        url: `/api/campaigns/${(await freshCampaign('Before')).id}`,
        body: { name: 'After', status: 'DONE', colour: 'teal' },
      }),
    },
    {
      route: 'DELETE /api/campaigns/:campaignId',
      status: 200,
      entries: [{ kind: activityKinds.campaignDeleted, with: { from: expect.objectContaining({ cards: 1 }) } }],
      request: async () => {
        const campaign = await freshCampaign('Gone');
        await t.db.card.update({ where: { id: (await freshCard()).id }, data: { campaignId: campaign.id } });
        return { method: 'DELETE', url: `/api/campaigns/${campaign.id}` };
      },
    },
    {
      route: 'POST /api/cards',
      status: 201,
      entries: [
        {
          kind: activityKinds.cardCreated,
          with: () => ({ boardId: team.board.id, to: { title: 'Spring launch', flowCategory: 'BACKLOG' } }),
        },
      ],
      request: async () => ({
        method: 'POST',
        url: '/api/cards',
        body: { columnId: column('Backlog').id, title: 'Spring launch' },
      }),
    },
    {
      route: 'POST /api/cards/:cardId/move',
      status: 200,
      // The card is in a sprint: its move counts toward that sprint's charts.
      entries: [
        {
          kind: activityKinds.cardMoved,
          with: () => ({ sprintId, from: { flowCategory: 'BACKLOG' }, to: { flowCategory: 'IN_PROGRESS' } }),
        },
      ],
      request: async () => {
        const card = await freshCard();
        await t.db.card.update({ where: { id: card.id }, data: { sprintId } });
        last = { cardId: card.id };
        return {
          method: 'POST',
          url: `/api/cards/${card.id}/move`,
          body: { columnId: column('In progress').id, afterCardId: null, version: 1 },
        };
      },
    },
    {
      route: 'PATCH /api/cards/:cardId',
      status: 200,
      entries: [
        { kind: activityKinds.cardUpdated, with: { field: 'title', from: expectString, to: 'Pricing page' } },
        {
          kind: activityKinds.cardEstimateChanged,
          with: { from: { points: null }, to: { points: 5 }, sprintId: expectString },
        },
        { kind: activityKinds.cardSprintChanged, with: { from: { sprintId: null }, to: { sprintId: expectString } } },
        { kind: activityKinds.cardCampaignChanged, with: { from: null, to: { name: 'Pricing push' } } },
        {
          kind: activityKinds.cardUpdated,
          with: { field: 'startDate', from: null, to: '2026-12-12T00:00:00.000Z' },
        },
        {
          kind: activityKinds.cardBlocked,
          with: { to: { reason: 'Legal has not approved the pricing claims', category: 'legal_compliance' } },
        },
      ],
      request: async () => ({
        method: 'PATCH',
        url: `/api/cards/${(await freshCard()).id}`,
        body: {
          version: 1,
          title: 'Pricing page',
          startDate: '2026-12-12',
          estimate: 5,
          sprintId,
          campaignId: (await freshCampaign('Pricing push')).id,
          blocked: true,
          blockedReason: 'Legal has not approved the pricing claims',
          blockerCategory: 'legal_compliance',
        },
      }),
    },
    {
      route: 'POST /api/cards/:cardId/archive',
      status: 200,
      entries: [{ kind: activityKinds.cardArchived, with: () => ({ from: place('Review', 'IN_PROGRESS') }) }],
      request: async () => ({
        method: 'POST',
        url: `/api/cards/${(await freshCard('Review')).id}/archive`,
        body: { version: 1 },
      }),
    },
    {
      route: 'POST /api/cards/:cardId/restore',
      status: 200,
      entries: [{ kind: activityKinds.cardRestored, with: () => ({ to: place('Done', 'DONE') }) }],
      request: async () => {
        const card = await freshCard('Done');
        await t.db.card.update({ where: { id: card.id }, data: { archivedAt: new Date() } });
        return { method: 'POST', url: `/api/cards/${card.id}/restore`, body: { version: 1 } };
      },
    },
    {
      route: 'PUT /api/cards/:cardId/escalation',
      status: 200,
      entries: [{ kind: activityKinds.cardEscalated, with: { to: { reason: 'Vendor late', category: 'vendor' } } }],
      request: async () => {
        const card = await t.db.card.update({
          where: { id: (await freshCard('In progress')).id },
          data: { blocked: true, blockedReason: 'Vendor late', blockerCategory: 'vendor', blockedSince: new Date() },
        });
        return { method: 'PUT', url: `/api/cards/${card.id}/escalation`, body: { escalated: true } };
      },
    },
    {
      route: 'PUT /api/cards/:cardId/pmo-handling',
      status: 200,
      entries: [
        {
          kind: activityKinds.cardEscalationHandling,
          with: () => ({ actorId: adminId, to: { handlerId: adminId, note: 'Calling the vendor today' } }),
        },
      ],
      request: async () => {
        const card = await t.db.card.update({
          where: { id: (await freshCard('In progress')).id },
          data: {
            blocked: true,
            blockedReason: 'Vendor late',
            blockerCategory: 'vendor',
            blockedSince: new Date(),
            escalatedAt: new Date(),
          },
        });
        return {
          method: 'PUT',
          url: `/api/cards/${card.id}/pmo-handling`,
          body: { state: 'handling', note: 'Calling the vendor today' },
        };
      },
    },
    {
      route: 'PUT /api/teams/:teamId/standup-settings',
      status: 200,
      entries: [
        {
          kind: activityKinds.teamTimeZoneChanged,
          with: { from: { timeZone: 'UTC' }, to: { timeZone: 'Asia/Kolkata' } },
        },
        {
          kind: activityKinds.teamStandupTimeChanged,
          with: { from: { standupTime: '09:30' }, to: { standupTime: '08:45' } },
        },
      ],
      request: async () => ({
        method: 'PUT',
        url: `/api/teams/${(await createTeam(t.db)).id}/standup-settings`,
        body: { standupTime: '08:45', timeZone: 'Asia/Kolkata' },
      }),
    },
    {
      route: 'POST /api/cards/:cardId/comments',
      status: 201,
      entries: [{ kind: activityKinds.commentAdded, with: { actorId: expectString } }],
      request: async () => ({
        method: 'POST',
        url: `/api/cards/${(await freshCard()).id}/comments`,
        body: { body: 'Chased legal' },
      }),
    },
    {
      route: 'POST /api/cards/:cardId/attachments',
      status: 201,
      entries: [{ kind: activityKinds.attachmentAdded, with: { to: { name: 'brief.pdf', size: 9 } } }],
      request: async () => ({ method: 'POST', url: `/api/cards/${(await freshCard()).id}/attachments`, raw: upload }),
    },
    {
      route: 'POST /api/attachments/:attachmentId/versions',
      status: 201,
      entries: [{ kind: activityKinds.attachmentVersionAdded, with: { to: { number: 2, name: 'brief.pdf' } } }],
      request: async () => ({
        method: 'POST',
        url: `/api/attachments/${(await freshAttachment()).id}/versions`,
        raw: upload,
      }),
    },
    {
      route: 'PATCH /api/attachments/:attachmentId',
      status: 200,
      entries: [
        {
          kind: activityKinds.attachmentRenamed,
          with: { from: { name: 'brief.pdf' }, to: { name: 'Legal brief.pdf' } },
        },
      ],
      request: async () => ({
        method: 'PATCH',
        url: `/api/attachments/${(await freshAttachment()).id}`,
        body: { name: 'Legal brief.pdf' },
      }),
    },
    {
      route: 'DELETE /api/attachments/:attachmentId',
      status: 200,
      entries: [{ kind: activityKinds.attachmentRemoved, with: { from: { name: 'brief.pdf' } } }],
      request: async () => ({ method: 'DELETE', url: `/api/attachments/${(await freshAttachment()).id}` }),
    },
    {
      route: 'PUT /api/cards/:cardId/cover',
      status: 200,
      entries: [{ kind: activityKinds.cardCoverChanged, with: { from: null, to: { name: 'banner.png' } } }],
      request: async () => {
        const image = await freshAttachment({ name: 'banner.png', contentType: 'image/png' });
        return { method: 'PUT', url: `/api/cards/${image.cardId}/cover`, body: { attachmentId: image.id } };
      },
    },
    {
      route: 'POST /api/cards/:cardId/approval',
      status: 201,
      entries: [{ kind: activityKinds.approvalRequested, with: () => ({ to: { approverIds: [adminId] } }) }],
      request: async () => ({
        method: 'POST',
        url: `/api/cards/${(await freshCard()).id}/approval`,
        body: { approverIds: [adminId] },
      }),
    },
    {
      route: 'POST /api/cards/:cardId/approval/decision',
      status: 200,
      entries: [{ kind: activityKinds.approvalDecided, with: { to: { decision: 'APPROVED', comment: 'Fine' } } }],
      request: async () => {
        const card = await freshCard();
        await t.db.approvalRequest.create({ data: { cardId: card.id, approvers: { create: [{ userId: adminId }] } } });
        return {
          method: 'POST',
          url: `/api/cards/${card.id}/approval/decision`,
          body: { decision: 'APPROVED', comment: 'Fine' },
        };
      },
    },
    {
      route: 'POST /api/cards/:cardId/checklists',
      status: 201,
      entries: [{ kind: activityKinds.checklistAdded, with: { to: { title: 'Done means' } } }],
      request: async () => ({
        method: 'POST',
        url: `/api/cards/${(await freshCard()).id}/checklists`,
        body: { title: 'Done means' },
      }),
    },
    {
      route: 'POST /api/cards/:cardId/links',
      status: 201,
      // Both cards' histories show it, each on its own board.
      entries: [
        { kind: activityKinds.linkAdded, with: () => ({ boardId: team.board.id, to: { linkKind: 'DEPENDS_ON' } }) },
        { kind: activityKinds.linkAdded, with: () => ({ boardId: other.board.id, to: { linkKind: 'DEPENDS_ON' } }) },
      ],
      request: async () => ({
        method: 'POST',
        url: `/api/cards/${(await freshCard()).id}/links`,
        body: { toCardId: (await freshCard('Backlog', other.board)).id, kind: 'DEPENDS_ON' },
      }),
    },
    {
      route: 'DELETE /api/card-links/:linkId',
      status: 200,
      entries: [{ kind: activityKinds.linkRemoved, with: { from: { linkKind: 'RELATES' } } }],
      request: async () => {
        const link = await t.db.cardLink.create({
          data: { fromCardId: (await freshCard()).id, toCardId: (await freshCard()).id, kind: 'RELATES' },
        });
        return { method: 'DELETE', url: `/api/card-links/${link.id}` };
      },
    },
    {
      route: 'POST /api/checklists/:checklistId/items',
      status: 201,
      entries: [{ kind: activityKinds.checklistItemAdded, with: { to: { text: 'Proofread' } } }],
      request: async () => ({
        method: 'POST',
        url: `/api/checklists/${(await freshChecklist()).id}/items`,
        body: { text: 'Proofread' },
      }),
    },
    {
      route: 'DELETE /api/checklists/:checklistId',
      status: 200,
      entries: [{ kind: activityKinds.checklistRemoved, with: { from: { title: 'Definition of done' } } }],
      request: async () => ({ method: 'DELETE', url: `/api/checklists/${(await freshChecklist()).id}` }),
    },
    {
      route: 'PATCH /api/checklists/items/:itemId',
      status: 200,
      entries: [{ kind: activityKinds.checklistItemUpdated, with: { from: { done: false }, to: { done: true } } }],
      request: async () => ({
        method: 'PATCH',
        url: `/api/checklists/items/${(await freshItem()).id}`,
        body: { done: true },
      }),
    },
    {
      route: 'DELETE /api/checklists/items/:itemId',
      status: 200,
      entries: [{ kind: activityKinds.checklistItemRemoved, with: { from: { text: 'Proofread' } } }],
      request: async () => ({ method: 'DELETE', url: `/api/checklists/items/${(await freshItem()).id}` }),
    },
    {
      route: 'POST /api/columns',
      status: 201,
      entries: [{ kind: activityKinds.columnCreated, with: { to: { name: 'Legal check' } } }],
      request: async () => ({
        method: 'POST',
        url: '/api/columns',
        body: { boardId: team.board.id, name: 'Legal check' },
      }),
    },
    {
      route: 'PATCH /api/columns/:columnId',
      status: 200,
      entries: [{ kind: activityKinds.columnUpdated, with: { from: { wipLimit: null }, to: { wipLimit: 3 } } }],
      request: async () => ({
        method: 'PATCH',
        url: `/api/columns/${(await t.db.column.create({ data: { boardId: team.board.id, name: `Col ${n++}`, position: 50 + n } })).id}`,
        body: { wipLimit: 3 },
      }),
    },
    {
      route: 'DELETE /api/columns/:columnId',
      status: 200,
      entries: [{ kind: activityKinds.columnDeleted }],
      request: async () => ({
        method: 'DELETE',
        url: `/api/columns/${(await t.db.column.create({ data: { boardId: team.board.id, name: `Col ${n++}`, position: 50 + n } })).id}`,
      }),
    },
    {
      route: 'POST /api/swimlanes',
      status: 201,
      entries: [{ kind: activityKinds.swimlaneCreated, with: { to: { name: 'Expedite' } } }],
      request: async () => ({
        method: 'POST',
        url: '/api/swimlanes',
        body: { boardId: team.board.id, name: 'Expedite' },
      }),
    },
    {
      route: 'PATCH /api/swimlanes/:swimlaneId',
      status: 200,
      entries: [{ kind: activityKinds.swimlaneUpdated, with: { to: { wipLimit: 2 } } }],
      request: async () => ({
        method: 'PATCH',
        url: `/api/swimlanes/${(await t.db.swimlane.create({ data: { boardId: team.board.id, name: `Lane ${n++}`, position: n } })).id}`,
        body: { wipLimit: 2 },
      }),
    },
    {
      route: 'DELETE /api/swimlanes/:swimlaneId',
      status: 200,
      entries: [{ kind: activityKinds.swimlaneDeleted }],
      request: async () => ({
        method: 'DELETE',
        url: `/api/swimlanes/${(await t.db.swimlane.create({ data: { boardId: team.board.id, name: `Lane ${n++}`, position: n } })).id}`,
      }),
    },
    {
      route: 'POST /api/sprints',
      status: 201,
      entries: [
        {
          kind: activityKinds.sprintCreated,
          with: () => ({
            teamId: team.id,
            boardId: null,
            cardId: null,
            sprintId: expectString,
            to: {
              name: 'Sprint 13',
              goal: 'Launch the spring campaign',
              startDate: '2026-12-01T00:00:00.000Z',
              endDate: '2026-12-14T00:00:00.000Z',
              capacityPoints: 20,
            },
          }),
        },
      ],
      request: async () => ({
        method: 'POST',
        url: '/api/sprints',
        body: {
          teamId: team.id,
          name: 'Sprint 13',
          goal: 'Launch the spring campaign',
          startDate: '2026-12-01',
          endDate: '2026-12-14',
          capacityPoints: 20,
        },
      }),
    },
    {
      route: 'PATCH /api/sprints/:sprintId',
      status: 200,
      // One entry naming the fields that changed; a field sent unchanged is left out.
      entries: [
        {
          kind: activityKinds.sprintUpdated,
          with: () => ({
            teamId: team.id,
            sprintId: last.sprintId,
            cardId: null,
            field: 'name,capacityPoints',
            from: { name: 'Planned', capacityPoints: null },
            to: { name: 'Sprint 14', capacityPoints: 18 },
          }),
        },
      ],
      request: async () => {
        last = { sprintId: (await plannedSprint()).id };
        return {
          method: 'PATCH',
          url: `/api/sprints/${last.sprintId}`,
          body: { name: 'Sprint 14', goal: '', capacityPoints: 18 },
        };
      },
    },
    {
      route: 'PUT /api/sprints/:sprintId/availability',
      status: 200,
      entries: [
        {
          kind: activityKinds.sprintUpdated,
          with: () => ({
            teamId: team.id,
            sprintId: last.sprintId,
            cardId: null,
            field: 'availability',
            from: { availability: [{ userId: adminId, daysOff: 1 }] },
            to: {
              availability: [
                { userId: last.userId, daysOff: 2 },
                { userId: adminId, daysOff: 0 },
              ],
            },
          }),
        },
      ],
      request: async () => {
        const sprint = await plannedSprint();
        await t.db.sprintAvailability.create({ data: { sprintId: sprint.id, userId: adminId, daysOff: 1 } });
        last = { sprintId: sprint.id, userId: (await member()).id };
        return {
          method: 'PUT',
          url: `/api/sprints/${sprint.id}/availability`,
          body: {
            people: [
              { userId: last.userId, daysOff: 2 },
              { userId: adminId, daysOff: 0 },
            ],
          },
        };
      },
    },
    {
      route: 'POST /api/sprints/:sprintId/start',
      status: 200,
      // The committed scope: each card with its points, and their sum.
      entries: [
        {
          kind: activityKinds.sprintStarted,
          with: () => ({
            teamId: last.teamId,
            sprintId: last.sprintId,
            boardId: null,
            cardId: null,
            to: { committed: [{ cardId: last.committed, points: 3 }], points: 3 },
          }),
        },
      ],
      request: async () => {
        const own = await sprintTeam();
        const sprint = await plannedSprint(own.id);
        const card = await freshCard('To do', own.board);
        await t.db.card.update({ where: { id: card.id }, data: { sprintId: sprint.id, estimate: 3 } });
        last = { teamId: own.id, sprintId: sprint.id, committed: card.id };
        return { method: 'POST', url: `/api/sprints/${sprint.id}/start` };
      },
    },
    {
      route: 'POST /api/sprints/:sprintId/close',
      status: 200,
      // Each unfinished card leaves the sprint with an entry of its own (under the sprint it goes to), then the sprint's report.
      entries: [
        {
          kind: activityKinds.cardSprintChanged,
          with: () => ({
            teamId: last.teamId,
            boardId: last.boardId,
            cardId: last.carried,
            sprintId: last.next,
            from: { sprintId: last.sprintId },
            to: { sprintId: last.next },
          }),
        },
        {
          kind: activityKinds.cardSprintChanged,
          with: () => ({
            teamId: last.teamId,
            boardId: last.boardId,
            cardId: last.returned,
            sprintId: null,
            from: { sprintId: last.sprintId },
            to: { sprintId: null },
          }),
        },
        {
          kind: activityKinds.sprintClosed,
          with: () => ({
            teamId: last.teamId,
            sprintId: last.sprintId,
            boardId: null,
            cardId: null,
            to: {
              done: [{ cardId: last.done, points: 2 }],
              notDone: [
                { cardId: last.carried, points: 5 },
                { cardId: last.returned, points: 1 },
              ],
              donePoints: 2,
              notDonePoints: 6,
              goalMet: true,
              carriedOverTo: last.next,
            },
          }),
        },
      ],
      request: async () => {
        const own = await sprintTeam();
        const sprint = await t.db.sprint.create({
          data: {
            teamId: own.id,
            name: 'Closing',
            startDate: new Date('2026-12-01'),
            endDate: new Date('2026-12-14'),
            state: 'ACTIVE',
            startedAt: new Date(),
          },
        });
        const next = await plannedSprint(own.id);
        const inSprint = async (columnName: string, estimate: number) => {
          const card = await freshCard(columnName, own.board);
          await t.db.card.update({ where: { id: card.id }, data: { sprintId: sprint.id, estimate } });
          return card.id;
        };
        last = {
          teamId: own.id,
          boardId: own.board.id,
          sprintId: sprint.id,
          next: next.id,
          done: await inSprint('Done', 2),
          carried: await inSprint('In progress', 5),
          returned: await inSprint('To do', 1),
        };
        return {
          method: 'POST',
          url: `/api/sprints/${sprint.id}/close`,
          body: {
            goalMet: true,
            carryOverSprintId: next.id,
            unfinished: [
              { cardId: last.carried, outcome: 'carry-over' },
              { cardId: last.returned, outcome: 'backlog' },
            ],
          },
        };
      },
    },
    {
      route: 'PUT /api/sprints/:sprintId/retrospective',
      status: 200,
      // Under the sprint, and under the team's first board so that board's live stream carries it.
      entries: [
        {
          kind: activityKinds.retrospectiveOpened,
          with: () => ({ teamId: team.id, boardId: team.board.id, sprintId: last.sprintId, to: { votesPerPerson: 4 } }),
        },
      ],
      request: async () => {
        const closed = await t.db.sprint.create({
          data: {
            teamId: team.id,
            name: 'Looked back on',
            startDate: new Date('2026-11-02'),
            endDate: new Date('2026-11-13'),
            state: 'CLOSED',
          },
        });
        last = { sprintId: closed.id };
        return {
          method: 'PUT',
          url: `/api/sprints/${closed.id}/retrospective`,
          body: { state: 'OPEN', votesPerPerson: 4 },
        };
      },
    },
    {
      route: 'POST /api/sprints/:sprintId/retrospective/notes',
      status: 201,
      entries: [
        {
          kind: activityKinds.retrospectiveNoteAdded,
          with: () => ({
            sprintId: last.sprintId,
            boardId: team.board.id,
            to: { group: 'TO_IMPROVE', text: 'Legal came late', principleId: null },
          }),
        },
      ],
      request: async () => {
        const retro = await freshRetrospective();
        last = { sprintId: retro.sprintId };
        return {
          method: 'POST',
          url: `/api/sprints/${retro.sprintId}/retrospective/notes`,
          body: { group: 'TO_IMPROVE', text: 'Legal came late' },
        };
      },
    },
    {
      route: 'PUT /api/retrospective-notes/:noteId/vote',
      status: 200,
      entries: [
        {
          kind: activityKinds.retrospectiveVoted,
          with: () => ({ boardId: team.board.id, from: { dots: 0 }, to: { noteId: last.noteId, dots: 2 } }),
        },
      ],
      request: async () => {
        const note = await t.db.retrospectiveNote.create({
          data: { retrospectiveId: (await freshRetrospective()).id, group: 'WENT_WELL', text: 'On time' },
        });
        last = { noteId: note.id };
        return { method: 'PUT', url: `/api/retrospective-notes/${note.id}/vote`, body: { dots: 2 } };
      },
    },
    {
      route: 'PATCH /api/retrospective-notes/:noteId',
      status: 200,
      // Only the fields that changed: the group stays as it was, so it is in neither side.
      entries: [
        {
          kind: activityKinds.retrospectiveNoteEdited,
          with: () => ({
            sprintId: last.sprintId,
            boardId: team.board.id,
            from: { noteId: last.noteId, text: 'On time' },
            to: { retrospectiveId: last.retrospectiveId, noteId: last.noteId, text: 'Launched on time' },
          }),
        },
      ],
      request: async () => {
        const retro = await freshRetrospective();
        const note = await t.db.retrospectiveNote.create({
          data: { retrospectiveId: retro.id, group: 'WENT_WELL', text: 'On time' },
        });
        last = { noteId: note.id, sprintId: retro.sprintId, retrospectiveId: retro.id };
        return {
          method: 'PATCH',
          url: `/api/retrospective-notes/${note.id}`,
          body: { text: 'Launched on time', group: 'WENT_WELL' },
        };
      },
    },
    {
      route: 'DELETE /api/retrospective-notes/:noteId',
      status: 200,
      // The note as it was, and whose dots went back.
      entries: [
        {
          kind: activityKinds.retrospectiveNoteDeleted,
          with: () => ({
            sprintId: last.sprintId,
            boardId: team.board.id,
            from: {
              noteId: last.noteId,
              group: 'TO_IMPROVE',
              text: 'Said twice',
              principleId: null,
              authorId: null,
              votes: [{ userId: adminId, dots: 2 }],
            },
          }),
        },
      ],
      request: async () => {
        const retro = await freshRetrospective();
        const note = await t.db.retrospectiveNote.create({
          data: {
            retrospectiveId: retro.id,
            group: 'TO_IMPROVE',
            text: 'Said twice',
            votes: { create: { userId: adminId, dots: 2 } },
          },
        });
        last = { noteId: note.id, sprintId: retro.sprintId };
        return { method: 'DELETE', url: `/api/retrospective-notes/${note.id}` };
      },
    },
    {
      route: 'POST /api/retrospective-notes/:noteId/card',
      status: 201,
      // The new card, then where it came from, both on the card.
      entries: [
        { kind: activityKinds.cardCreated, with: { to: { title: 'Book legal earlier', flowCategory: 'BACKLOG' } } },
        {
          kind: activityKinds.retrospectiveActionConverted,
          with: () => ({ sprintId: null, to: { noteId: last.noteId, text: 'Book legal earlier' } }),
        },
      ],
      request: async () => {
        const note = await t.db.retrospectiveNote.create({
          data: { retrospectiveId: (await freshRetrospective()).id, group: 'ACTION', text: 'Book legal earlier' },
        });
        last = { noteId: note.id };
        return { method: 'POST', url: `/api/retrospective-notes/${note.id}/card` };
      },
    },
    {
      route: 'PUT /api/cards/:cardId/sprint',
      status: 200,
      // Stored under the sprint the card goes to, naming the one it came from.
      entries: [
        {
          kind: activityKinds.cardSprintChanged,
          with: () => ({
            teamId: team.id,
            boardId: team.board.id,
            sprintId,
            from: { sprintId: null },
            to: { sprintId },
          }),
        },
      ],
      request: async () => {
        last = { cardId: (await freshCard('To do')).id };
        return { method: 'PUT', url: `/api/cards/${last.cardId}/sprint`, body: { sprintId } };
      },
    },
    {
      route: 'POST /api/cards/:cardId/backlog-rank',
      status: 200,
      entries: [
        {
          kind: activityKinds.cardBacklogRanked,
          with: () => ({
            teamId: team.id,
            boardId: team.board.id,
            sprintId: null,
            to: { afterCardId: last.afterCardId },
          }),
        },
      ],
      request: async () => {
        const after = await freshCard();
        last = { cardId: (await freshCard()).id, afterCardId: after.id };
        return { method: 'POST', url: `/api/cards/${last.cardId}/backlog-rank`, body: { afterCardId: after.id } };
      },
    },
  ];

  it('has a case for every write route the API registers', () => {
    expect([...registered].sort()).toEqual(cases.map((c) => c.route).sort());
  });

  it.each(cases.map((c) => [c.route, c] as const))('%s records exactly its entries', async (_route, c) => {
    last = {};
    const before = (await t.db.activity.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const res = await call(await c.request());
    expect(res.statusCode, res.body).toBe(c.status);
    const written = await t.db.activity.findMany({ where: { id: { gt: before } }, orderBy: { id: 'asc' } });
    expect(written.map((e) => e.kind)).toEqual(c.entries.map((e) => e.kind));
    for (const [i, entry] of written.entries()) {
      expect(readActivityPayload(entry), `${entry.kind} matches its schema`).not.toBeNull();
      if (c.status < 300 && !c.route.startsWith('POST /api/auth') && c.route !== 'POST /api/invitations/accept')
        expect(entry.actorId).toBe(adminId);
      const expected = c.entries[i]!.with ?? {};
      expect(entry).toMatchObject(typeof expected === 'function' ? expected() : expected);
    }
    if (last.cardId) expect(written.every((e) => e.cardId === last.cardId)).toBe(true);
  });

  it('numbers each committed entry once, in the order of the log', async () => {
    const [counts] = await t.db.$queryRaw<{ entries: bigint; numbered: bigint }[]>`
      SELECT (SELECT count(*) FROM activity) AS entries, (SELECT count(DISTINCT activity_id) FROM activity_commits) AS numbered`;
    expect(counts!.numbered).toBe(counts!.entries);
  });

  describe('when the history cannot be written', () => {
    // A trigger made for this test refuses every new entry, as a full disk or a broken constraint would.
    beforeAll(async () => {
      await t.db.$executeRawUnsafe(
        `CREATE FUNCTION refuse_history() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'history refused'; END; $$`,
      );
      await t.db.$executeRawUnsafe(
        `CREATE TRIGGER refuse_history BEFORE INSERT ON activity FOR EACH ROW EXECUTE FUNCTION refuse_history()`,
      );
    });
    afterAll(async () => {
      await t.db.$executeRawUnsafe('DROP TRIGGER refuse_history ON activity');
      await t.db.$executeRawUnsafe('DROP FUNCTION refuse_history()');
    });

    // Each write, and a look at the data it would have changed: the same before and after the refused call.
    const writes: {
      name: string;
      prepare: () => Promise<{ method: Method; url: string; body?: object; state: () => Promise<unknown> }>;
    }[] = [
      {
        name: 'adding a checklist',
        prepare: async () => {
          const card = await freshCard();
          return {
            method: 'POST',
            url: `/api/cards/${card.id}/checklists`,
            body: { title: 'Done means' },
            state: () => t.db.checklist.findMany({ where: { cardId: card.id } }),
          };
        },
      },
      {
        name: 'ticking a checklist item',
        prepare: async () => {
          const item = await freshItem();
          return {
            method: 'PATCH',
            url: `/api/checklists/items/${item.id}`,
            body: { done: true },
            state: () => t.db.checklistItem.findUnique({ where: { id: item.id } }),
          };
        },
      },
      {
        name: 'removing a checklist',
        prepare: async () => {
          const list = await freshChecklist();
          return {
            method: 'DELETE',
            url: `/api/checklists/${list.id}`,
            state: () => t.db.checklist.findUnique({ where: { id: list.id } }),
          };
        },
      },
      {
        name: 'commenting',
        prepare: async () => {
          const card = await freshCard();
          return {
            method: 'POST',
            url: `/api/cards/${card.id}/comments`,
            body: { body: 'Lost?' },
            state: () => t.db.comment.findMany({ where: { cardId: card.id } }),
          };
        },
      },
      {
        name: 'editing a card',
        prepare: async () => {
          const card = await freshCard();
          return {
            method: 'PATCH',
            url: `/api/cards/${card.id}`,
            body: { version: 1, title: 'Renamed', estimate: 8 },
            state: () => t.db.card.findUnique({ where: { id: card.id } }),
          };
        },
      },
      {
        name: 'moving a card',
        prepare: async () => {
          const card = await freshCard();
          return {
            method: 'POST',
            url: `/api/cards/${card.id}/move`,
            body: { columnId: column('To do').id, afterCardId: null, version: 1 },
            state: () => t.db.card.findUnique({ where: { id: card.id } }),
          };
        },
      },
      {
        name: 'adding a column',
        prepare: async () => ({
          method: 'POST',
          url: '/api/columns',
          body: { boardId: team.board.id, name: 'Never' },
          state: () => t.db.column.findMany({ where: { boardId: team.board.id }, orderBy: { id: 'asc' } }),
        }),
      },
      {
        name: 'removing a swimlane',
        prepare: async () => {
          const lane = await t.db.swimlane.create({
            data: { boardId: team.board.id, name: `Lane ${n++}`, position: n },
          });
          return {
            method: 'DELETE',
            url: `/api/swimlanes/${lane.id}`,
            state: () => t.db.swimlane.findUnique({ where: { id: lane.id } }),
          };
        },
      },
      {
        name: 'linking cards',
        prepare: async () => {
          const card = await freshCard();
          const target = await freshCard();
          return {
            method: 'POST',
            url: `/api/cards/${card.id}/links`,
            body: { toCardId: target.id, kind: 'BLOCKS' },
            state: () => t.db.cardLink.findMany({ where: { fromCardId: card.id } }),
          };
        },
      },
      {
        name: 'adding a team member',
        prepare: async () => {
          const person = await freshPerson();
          return {
            method: 'POST',
            url: `/api/teams/${team.id}/members`,
            body: { email: person.email, role: 'MEMBER' },
            state: () => t.db.membership.findMany({ where: { userId: person.id } }),
          };
        },
      },
      {
        name: 'editing a retrospective note',
        prepare: async () => {
          const note = await t.db.retrospectiveNote.create({
            data: { retrospectiveId: (await freshRetrospective()).id, group: 'WENT_WELL', text: 'On time' },
          });
          return {
            method: 'PATCH',
            url: `/api/retrospective-notes/${note.id}`,
            body: { text: 'Late' },
            state: () => t.db.retrospectiveNote.findUnique({ where: { id: note.id } }),
          };
        },
      },
      {
        name: 'deleting a retrospective note',
        prepare: async () => {
          const note = await t.db.retrospectiveNote.create({
            data: {
              retrospectiveId: (await freshRetrospective()).id,
              group: 'WENT_WELL',
              text: 'On time',
              votes: { create: { userId: adminId, dots: 1 } },
            },
          });
          return {
            method: 'DELETE',
            url: `/api/retrospective-notes/${note.id}`,
            state: () => t.db.retrospectiveNote.findUnique({ where: { id: note.id }, include: { votes: true } }),
          };
        },
      },
      {
        name: 'renaming a principle',
        prepare: async () => {
          const p = await t.db.principle.create({ data: { key: `r-${n++}`, name: 'Before', position: 200 + n } });
          return {
            method: 'PATCH',
            url: `/api/principles/${p.id}`,
            body: { name: 'After' },
            state: () => t.db.principle.findUnique({ where: { id: p.id } }),
          };
        },
      },
    ];

    it.each(writes.map((w) => [w.name, w] as const))('%s saves nothing', async (_name, w) => {
      const { state, ...request } = await w.prepare();
      const before = await state();
      const entries = await t.db.activity.count();
      const res = await call(request);
      expect(res.statusCode).toBeGreaterThanOrEqual(500);
      expect(await state()).toEqual(before);
      expect(await t.db.activity.count()).toBe(entries);
    });
  });
});
