import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  FAILURES_BEFORE_PAUSE,
  SENDER_DEFAULTS,
  WebhookSender,
  type SenderOptions,
} from '../src/services/webhooks/webhook-sender';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

/** A receiver on this machine; `handle` decides what it does with each request (after its body has arrived). */
async function startReceiver(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handle(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}

/** Resolves once `n` calls of the returned `hit` have been made. */
function counter(n: number) {
  let count = 0;
  let reached!: () => void;
  const done = new Promise<void>((resolve) => (reached = resolve));
  return {
    hit: () => {
      count += 1;
      if (count === n) reached();
    },
    get count() {
      return count;
    },
    done,
  };
}

describe('webhook delivery under slow, huge and failing receivers', () => {
  let t: TestContext;
  let cookie: string;
  let master: Awaited<ReturnType<typeof createUser>>;
  const closers: (() => Promise<unknown>)[] = [];
  const secret = 'a-secret-of-sixteen-or-more';

  beforeAll(async () => {
    t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' });
    // Only the senders each test makes send here.
    await t.app.webhooks.close();
    master = await createUser(t.db);
    cookie = await signIn(t.app, master.email);
  }, 60_000);
  // Each test's deliveries are its own: what one leaves due is not sent by the next one's sender.
  afterEach(async () => {
    await t.db.webhook.deleteMany();
  });
  afterAll(async () => {
    await Promise.all(closers.map((c) => c()));
    await t.close();
  });

  const newTeam = () => createTeam(t.db, [{ userId: master.id, role: 'SCRUM_MASTER' }]);
  const hook = (teamId: string, url: string) =>
    t.db.webhook.create({ data: { teamId, url, events: ['card.created'], secret } });
  const createCard = async (team: Awaited<ReturnType<typeof newTeam>>, title: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cards',
      headers: { cookie },
      payload: { columnId: team.board.columns[0]!.id, title },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const sender = (options: Partial<SenderOptions> = {}) =>
    new WebhookSender(t.db, t.app.log, { allowPrivate: true, intervalMs: 60_000, ...options });

  it('delivers to another team while twenty receivers of one team never answer', async () => {
    const teamA = await newTeam();
    const teamB = await newTeam();
    // Each of team A's receivers counts the requests it holds open at once; none ever answers.
    const arrivedAtA = counter(SENDER_DEFAULTS.perTeam);
    const openAt = new Map<string, number>();
    let mostOpenAtOne = 0;
    for (let i = 0; i < 20; i++) {
      const receiver = await startReceiver((req) => {
        const key = String(req.socket.localPort);
        openAt.set(key, (openAt.get(key) ?? 0) + 1);
        mostOpenAtOne = Math.max(mostOpenAtOne, openAt.get(key)!);
        arrivedAtA.hit();
      });
      closers.push(receiver.close);
      await hook(teamA.id, receiver.url);
    }
    let arrivedAtB!: (body: string) => void;
    const atB = new Promise<string>((resolve) => (arrivedAtB = resolve));
    const receiverB = await startReceiver((req, res) => {
      res.end('thanks');
      arrivedAtB(String(req.headers['x-board-delivery']));
    });
    closers.push(receiverB.close);
    const hookB = await hook(teamB.id, receiverB.url);
    // Three cards on team A: sixty deliveries due before team B's one.
    for (let i = 0; i < 3; i++) await createCard(teamA, `Slow ${i}`);
    await createCard(teamB, 'Fast');

    // A timeout far longer than the test: team A's receivers hold every request they get.
    const s = sender({ timeoutMs: 60_000 });
    s.start();
    const deliveredId = await atB;
    const delivery = await t.db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hookB.id } });
    expect(deliveredId).toBe(delivery.id);

    // Team A holds as many sends as one team may, never more than two on one receiver, and no more are claimed.
    await arrivedAtA.done;
    expect(await s.sendDue()).toBe(0);
    expect(arrivedAtA.count).toBe(SENDER_DEFAULTS.perTeam);
    expect(mostOpenAtOne).toBeLessThanOrEqual(SENDER_DEFAULTS.perEndpoint);

    // Team A's receivers go away: the sends end at once, and the sender stops.
    await Promise.all(closers.splice(0).map((c) => c()));
    await s.close();
    expect(await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: 'DELIVERED',
    });
  }, 30_000);

  it('reads only the start of a huge answer, then drops the connection', async () => {
    const team = await newTeam();
    const total = 200 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let written = 0;
    let dropped!: () => void;
    const closed = new Promise<void>((resolve) => (dropped = resolve));
    const receiver = await startReceiver((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(total) });
      res.on('close', dropped);
      // Written lazily: the next chunk only when the last one has left, so what was written is what was taken.
      const more = () => {
        while (written < total && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    });
    closers.push(receiver.close);
    const webhook = await hook(team.id, receiver.url);
    await createCard(team, 'Huge answer');

    expect(await sender().sendDue()).toBe(1);
    await closed;
    // Kernel buffers on both ends hold a few megabytes at most; the rest was never sent.
    expect(written).toBeLessThan(total / 10);
    const delivery = await t.db.webhookDelivery.findFirstOrThrow({ where: { webhookId: webhook.id } });
    expect(delivery).toMatchObject({ status: 'DELIVERED', lastStatus: 200 });
    expect(delivery.lastResponse).toBe('x'.repeat(1000));
  }, 30_000);

  it('pauses a receiver that keeps failing, shows it in the list, and ends the pause when one arrives', async () => {
    const team = await newTeam();
    let answer = 500;
    const receiver = await startReceiver((_req, res) => {
      res.statusCode = answer;
      res.end(answer === 500 ? 'down' : 'ok');
    });
    closers.push(receiver.close);
    const webhook = await hook(team.id, receiver.url);
    for (let i = 0; i <= FAILURES_BEFORE_PAUSE; i++) await createCard(team, `Failing ${i}`);
    const s = sender({ perEndpoint: 1 });
    for (let i = 0; i < FAILURES_BEFORE_PAUSE; i++) expect(await s.sendDue()).toBe(1);

    // One delivery is still due, but the receiver is paused: it waits.
    const due = await t.db.webhookDelivery.findFirstOrThrow({ where: { webhookId: webhook.id, attempts: 0 } });
    expect(due.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await s.sendDue()).toBe(0);
    const listed = await t.app.inject({ method: 'GET', url: `/api/teams/${team.id}/webhooks`, headers: { cookie } });
    const shown = listed.json().webhooks[0];
    expect(shown).toMatchObject({ active: true, failuresInRow: FAILURES_BEFORE_PAUSE });
    const pausedFor = new Date(shown.pausedUntil).getTime() - Date.now();
    expect(pausedFor).toBeGreaterThan(20_000);
    expect(pausedFor).toBeLessThanOrEqual(30_000);

    // Sent again by hand, the receiver is tried now; one delivery that arrives ends the failing.
    answer = 200;
    const resend = await t.app.inject({
      method: 'POST',
      url: `/api/webhooks/deliveries/${due.id}/resend`,
      headers: { cookie },
    });
    expect(resend.statusCode).toBe(200);
    expect(await s.sendDue()).toBe(1);
    expect(await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: due.id } })).toMatchObject({
      status: 'DELIVERED',
    });
    const after = await t.app.inject({ method: 'GET', url: `/api/teams/${team.id}/webhooks`, headers: { cookie } });
    expect(after.json().webhooks[0]).toMatchObject({ failuresInRow: 0, pausedUntil: null });
  });

  it('gives a receiver that does not answer the configured time, and says so', async () => {
    const team = await newTeam();
    const receiver = await startReceiver(() => undefined);
    closers.push(receiver.close);
    const webhook = await hook(team.id, receiver.url);
    await createCard(team, 'No answer');
    expect(await sender({ timeoutMs: 300 }).sendDue()).toBe(1);
    expect(await t.db.webhookDelivery.findFirstOrThrow({ where: { webhookId: webhook.id } })).toMatchObject({
      status: 'PENDING',
      lastStatus: null,
      lastResponse: 'No answer: no answer within 0.3 s',
    });
  });
});
