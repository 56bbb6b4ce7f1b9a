import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../src/db/prisma';
import { WebhookSender } from '../src/services/webhooks/webhook-sender';
import { fileForm } from './support/file-form';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A receiver on this machine that answers with the statuses queued for it (200 once the queue is empty). */
async function startReceiver() {
  const received: Received[] = [];
  const answers: number[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answers.shift() ?? 200;
      res.end(res.statusCode === 200 ? 'thanks' : 'not now');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    answers,
    close: () => new Promise((r) => server.close(r)),
  };
}

describe('webhooks', () => {
  let t: TestContext;
  let cookie: string;
  let memberCookie: string;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const secret = 'a-secret-of-sixteen-or-more';

  beforeAll(async () => {
    // The admin setting that allows loopback addresses is on: the receiver runs on this machine.
    t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' });
    const master = await createUser(t.db);
    const member = await createUser(t.db);
    team = await createTeam(t.db, [
      { userId: master.id, role: 'SCRUM_MASTER' },
      { userId: member.id, role: 'MEMBER' },
    ]);
    cookie = await signIn(t.app, master.email);
    memberCookie = await signIn(t.app, member.email);
    receiver = await startReceiver();
  }, 60_000);
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  const register = (events: string[], url = receiver.url, who = cookie) =>
    t.app.inject({
      method: 'POST',
      url: `/api/teams/${team.id}/webhooks`,
      headers: { cookie: who },
      payload: { url, events, secret },
    });
  const createCard = async (title: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cards',
      headers: { cookie },
      payload: { columnId: team.board.columns[0]!.id, title },
    });
    expect(res.statusCode).toBe(201);
    return res.json().card as { id: string; version: number };
  };
  const clear = async () => {
    await t.db.webhook.deleteMany({ where: { teamId: team.id } });
    receiver.received.length = 0;
  };

  it('signs a delivery of a change with HMAC-SHA256 and names it; the outbox row is written with the change', async () => {
    await clear();
    const hook = await register(['card.created', 'card.done']);
    expect(hook.statusCode, hook.body).toBe(201);
    const card = await createCard('Signed launch post');
    const queued = await t.db.webhookDelivery.findMany({ where: { webhookId: hook.json().id } });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ event: 'card.created', status: 'PENDING' });

    expect(await t.app.webhooks.sendDue()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    const expected = `sha256=${createHmac('sha256', secret).update(got!.body).digest('hex')}`;
    expect(got!.headers['x-board-signature']).toBe(expected);
    expect(got!.headers['x-board-delivery']).toBe(queued[0]!.id);
    expect(got!.headers['x-board-event']).toBe('card.created');
    expect(JSON.parse(got!.body)).toMatchObject({
      id: queued[0]!.id,
      event: 'card.created',
      teamId: team.id,
      cardId: card.id,
      activity: { kind: 'card.created', to: { title: 'Signed launch post' } },
    });
    expect(await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: queued[0]!.id } })).toMatchObject({
      status: 'DELIVERED',
      lastStatus: 200,
      lastResponse: 'thanks',
    });

    // A move into a done column is "card.done"; a move elsewhere is not sent to this webhook.
    const done = team.board.columns.find((c) => c.flowCategory === 'DONE')!;
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${card.id}/move`,
      headers: { cookie },
      payload: { columnId: done.id, afterCardId: null, version: card.version },
    });
    expect(moved.statusCode).toBe(200);
    expect(
      (
        await t.db.webhookDelivery.findMany({ where: { webhookId: hook.json().id }, orderBy: { createdAt: 'asc' } })
      ).map((d) => d.event),
    ).toEqual(['card.created', 'card.done']);
  });

  it('tries again with backoff after a failure, shows the last answer, and can be sent again by hand', async () => {
    await clear();
    const hook = (await register(['card.created'])).json();
    receiver.answers.push(500);
    await createCard('Retried card');
    await t.app.webhooks.sendDue();
    const [failed] = await t.db.webhookDelivery.findMany({ where: { webhookId: hook.id } });
    expect(failed).toMatchObject({ status: 'PENDING', attempts: 1, lastStatus: 500, lastResponse: 'not now' });
    expect(failed!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Not due yet: nothing is sent.
    expect(await t.app.webhooks.sendDue()).toBe(0);

    const list = await t.app.inject({ method: 'GET', url: `/api/webhooks/${hook.id}/deliveries`, headers: { cookie } });
    expect(list.json().deliveries[0]).toMatchObject({
      id: failed!.id,
      lastStatus: 500,
      lastResponse: 'not now',
      attempts: 1,
    });
    const resend = await t.app.inject({
      method: 'POST',
      url: `/api/webhooks/deliveries/${failed!.id}/resend`,
      headers: { cookie },
    });
    expect(resend.statusCode).toBe(200);
    // Resending wakes the sender at once; wait for it to finish (and stop it: later tests send by themselves).
    await t.app.webhooks.close();
    expect(await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: failed!.id } })).toMatchObject({
      status: 'DELIVERED',
      attempts: 2,
    });
    expect(receiver.received.map((r) => r.headers['x-board-delivery'])).toEqual([failed!.id, failed!.id]);
  });

  it('sends a file attached (and a new version of it) and each approval decision', async () => {
    await clear();
    const hook = (await register(['attachment.added', 'approval.decided'])).json();
    const card = await createCard('Banner for the launch');
    const { contentType, payload } = fileForm('banner.txt', 'Draft one');
    const upload = (url: string) =>
      t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': contentType }, payload });
    const added = await upload(`/api/cards/${card.id}/attachments`);
    expect(added.statusCode, added.body).toBe(201);
    const attachmentId = added.json().id as string;
    expect((await upload(`/api/attachments/${attachmentId}/versions`)).statusCode).toBe(201);
    const asked = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${card.id}/approval`,
      headers: { cookie },
      payload: {
        approverIds: [(await t.db.membership.findFirstOrThrow({ where: { teamId: team.id, role: 'MEMBER' } })).userId],
      },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const decided = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${card.id}/approval/decision`,
      headers: { cookie: memberCookie },
      payload: { decision: 'CHANGES_REQUESTED', comment: 'Bigger logo' },
    });
    expect(decided.statusCode, decided.body).toBe(200);

    // One receiver gets a few at a time: sent until nothing is due.
    let sent = 0;
    for (let n = await t.app.webhooks.sendDue(); n > 0; n = await t.app.webhooks.sendDue()) sent += n;
    expect(sent).toBe(3);
    receiver.received.sort((a, b) => Number(JSON.parse(a.body).activity.id) - Number(JSON.parse(b.body).activity.id));
    const bodies = receiver.received.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => [b.event, b.activity.kind])).toEqual([
      ['attachment.added', 'attachment.added'],
      ['attachment.added', 'attachment.version.added'],
      ['approval.decided', 'approval.decided'],
    ]);
    expect(bodies[0]).toMatchObject({ cardId: card.id, activity: { to: { attachmentId, name: 'banner.txt' } } });
    expect(bodies[2]).toMatchObject({ activity: { to: { decision: 'CHANGES_REQUESTED', comment: 'Bigger logo' } } });
    expect((await t.db.webhookDelivery.findMany({ where: { webhookId: hook.id } })).length).toBe(3);
  });

  it('disables a webhook whose URL answers 410 Gone', async () => {
    await clear();
    const hook = (await register(['card.created'])).json();
    receiver.answers.push(410);
    await createCard('Gone card');
    await new WebhookSender(t.db, t.app.log, { allowPrivate: true, intervalMs: 1000 }).sendDue();
    expect(await t.db.webhook.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({
      active: false,
      disabledReason: expect.stringContaining('410'),
    });
    await createCard('After gone');
    expect(await t.db.webhookDelivery.count({ where: { webhookId: hook.id } })).toBe(1);
  });

  it('sends each delivery once when two processes share the outbox', async () => {
    await clear();
    const hook = (await register(['card.created'])).json();
    for (let i = 0; i < 40; i++) await createCard(`Shared ${i}`);
    // A second process: its own connection pool on the same database where there is a server.
    const other = process.env.DATABASE_URL ? createPrisma(t.database.url, 5) : t.db;
    const senders = [
      new WebhookSender(t.db, t.app.log, { allowPrivate: true, intervalMs: 1000 }),
      new WebhookSender(other, t.app.log, { allowPrivate: true, intervalMs: 1000 }),
    ];
    // Each sends what it can claim; a receiver takes only a few at once, so one may find nothing while the other sends.
    const drain = async (s: WebhookSender) => {
      while ((await t.db.webhookDelivery.count({ where: { webhookId: hook.id, status: 'PENDING' } })) > 0)
        await s.sendDue();
    };
    await Promise.all(senders.map(drain));
    if (other !== t.db) await other.$disconnect();
    const ids = receiver.received.map((r) => r.headers['x-board-delivery']);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect(await t.db.webhookDelivery.count({ where: { webhookId: hook.id, status: 'DELIVERED' } })).toBe(40);
  });

  it('makes a secret when none is given and answers it once; turns a webhook off and on again', async () => {
    await clear();
    const made = await t.app.inject({
      method: 'POST',
      url: `/api/teams/${team.id}/webhooks`,
      headers: { cookie },
      payload: { url: receiver.url, events: ['card.created'] },
    });
    expect(made.statusCode, made.body).toBe(201);
    const hook = made.json();
    expect(hook.secret).toMatch(/^[\w-]{32}$/);
    const listed = await t.app.inject({ method: 'GET', url: `/api/teams/${team.id}/webhooks`, headers: { cookie } });
    expect(listed.json().webhooks[0]).not.toHaveProperty('secret');

    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/webhooks/${hook.id}`,
      headers: { cookie },
      payload: { active: false },
    });
    expect(off.json()).toMatchObject({ active: false, disabledReason: 'Turned off by hand' });
    await createCard('While off');
    expect(await t.db.webhookDelivery.count({ where: { webhookId: hook.id } })).toBe(0);
    const on = await t.app.inject({
      method: 'PATCH',
      url: `/api/webhooks/${hook.id}`,
      headers: { cookie },
      payload: { active: true },
    });
    expect(on.json()).toMatchObject({ active: true, disabledReason: null });
    await createCard('While on');
    expect(await t.db.webhookDelivery.count({ where: { webhookId: hook.id } })).toBe(1);
    // The signature uses the secret that was answered.
    await t.app.webhooks.sendDue();
    const got = receiver.received.at(-1)!;
    expect(got.headers['x-board-signature']).toBe(
      `sha256=${createHmac('sha256', hook.secret as string)
        .update(got.body)
        .digest('hex')}`,
    );

    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/webhooks/${hook.id}`,
          headers: { cookie: memberCookie },
          payload: { active: false },
        })
      ).statusCode,
    ).toBe(403);
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/webhooks/${hook.id}`,
      headers: { cookie },
      payload: { active: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('body.active');
  });

  it('is for scrum masters and admins, and refuses URLs that are not http(s)', async () => {
    expect((await register(['card.created'], receiver.url, memberCookie)).statusCode).toBe(403);
    const ftp = await register(['card.created'], 'ftp://example.test/hook');
    expect(ftp.statusCode).toBe(400);
    expect(ftp.json().error.fields[0].field).toBe('body.url');
    const noEvents = await register([]);
    expect(noEvents.json().error.fields[0].field).toBe('body.events');
  });
});

describe('webhooks without the admin setting for private addresses', () => {
  let t: TestContext;
  let cookie: string;
  let teamId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const master = await createUser(t.db);
    teamId = (await createTeam(t.db, [{ userId: master.id, role: 'SCRUM_MASTER' }])).id;
    cookie = await signIn(t.app, master.email);
  }, 60_000);
  afterAll(() => t.close());

  it('refuses loopback, private and link-local addresses, naming the field', async () => {
    for (const url of [
      'http://127.0.0.1:9/hook',
      'http://localhost/hook',
      'http://10.1.2.3/x',
      'http://192.168.1.1/',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/x',
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/teams/${teamId}/webhooks`,
        headers: { cookie },
        payload: { url, events: ['card.created'], secret: 'a-secret-of-sixteen-or-more' },
      });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.fields[0].field).toBe('body.url');
      expect(res.json().error.message).toMatch(/private, loopback or link-local/);
    }
  });

  it('does not turn on again a webhook whose address is now refused', async () => {
    const hook = await t.db.webhook.create({
      data: {
        teamId,
        url: 'http://127.0.0.1:9/hook',
        events: ['card.created'],
        secret: 'a-secret-of-sixteen-or-more',
        active: false,
        disabledReason: 'Turned off by hand',
      },
    });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/webhooks/${hook.id}`,
      headers: { cookie },
      payload: { active: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({
      field: 'body.active',
      message: expect.stringMatching(/private, loopback or link-local/),
    });
    expect(await t.db.webhook.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({ active: false });
  });
});
