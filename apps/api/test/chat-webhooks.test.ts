import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// A team's events in a Slack or Microsoft Teams channel: registered like a webhook (the same address guard, outbox
// and retries), the address kept secret once given, the body a message for each chat, people's words escaped.

async function startChannel() {
  const received: { path: string; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, received, close: () => new Promise((r) => server.close(r)) };
}

describe('chat channels', () => {
  let t: TestContext;
  let master: string;
  let member: string;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let channel: Awaited<ReturnType<typeof startChannel>>;

  beforeAll(async () => {
    t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true', PUBLIC_URL: 'https://board.example.test' });
    const sm = await createUser(t.db, { name: 'Maya <b>Master</b>' });
    const m = await createUser(t.db);
    team = await createTeam(
      t.db,
      [
        { userId: sm.id, role: 'SCRUM_MASTER' },
        { userId: m.id, role: 'MEMBER' },
      ],
      'Brand & Content',
    );
    master = await signIn(t.app, sm.email);
    member = await signIn(t.app, m.email);
    channel = await startChannel();
  });
  afterAll(async () => {
    await channel.close();
    await t.close();
  });

  const register = (format: string, path: string, who = master) =>
    t.app.inject({
      method: 'POST',
      url: `/api/teams/${team.id}/webhooks`,
      headers: { cookie: who },
      payload: { url: `${channel.base}${path}`, events: ['card.created', 'card.blocked'], format },
    });

  it('is set up by the scrum master, and shows only the site of its secret address afterwards', async () => {
    expect((await register('SLACK', '/services/T1/B1/secret-slack', member)).statusCode).toBe(403);
    const slack = await register('SLACK', '/services/T1/B1/secret-slack');
    expect(slack.statusCode, slack.body).toBe(201);
    expect((await register('TEAMS', '/webhookb2/secret-teams')).statusCode).toBe(201);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/teams/${team.id}/webhooks`,
      headers: { cookie: master },
    });
    expect(list.body).not.toContain('secret-slack');
    expect(list.body).not.toContain('secret-teams');
    expect(list.json().webhooks.map((w: { format: string; url: string }) => [w.format, w.url])).toEqual([
      ['SLACK', `${channel.base}/…`],
      ['TEAMS', `${channel.base}/…`],
    ]);
  });

  it('refuses a private address unless the admin allows it, as for webhooks', async () => {
    const strict = await startTestApp();
    const sm = await createUser(strict.db);
    const other = await createTeam(strict.db, [{ userId: sm.id, role: 'SCRUM_MASTER' }]);
    const res = await strict.app.inject({
      method: 'POST',
      url: `/api/teams/${other.id}/webhooks`,
      headers: { cookie: await signIn(strict.app, sm.email) },
      payload: { url: 'http://127.0.0.1:9/services/x', events: ['card.created'], format: 'SLACK' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('body.url');
    await strict.close();
  });

  it('sends Slack blocks and a Teams card, with people’s words escaped and a link to the card', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cards',
      headers: { cookie: master },
      payload: { columnId: team.board.columns[0]!.id, title: 'Launch <!channel> *now* & more' },
    });
    const card = res.json().card as { id: string };
    expect(await t.app.webhooks.sendDue()).toBe(2);
    const slack = JSON.parse(channel.received.find((r) => r.path.includes('secret-slack'))!.body);
    const teams = JSON.parse(channel.received.find((r) => r.path.includes('secret-teams'))!.body);
    const link = `https://board.example.test/teams/${team.id}/board/cards/${card.id}`;
    expect(slack.text).toBe('Maya <b>Master</b> added “Launch <!channel> *now* & more”');
    expect(slack.blocks[0]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*Brand &amp; Content*: Maya &lt;b&gt;Master&lt;/b&gt; added “Launch &lt;!channel&gt; *now* &amp; more”',
      },
    });
    expect(slack.blocks[1].elements[0].text).toBe(`<${link}|Open in the board>`);
    const adaptive = teams.attachments[0];
    expect(adaptive.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(adaptive.content.body[1].text).toBe(
      'Maya \\<b\\>Master\\</b\\> added “Launch \\<\\!channel\\> \\*now\\* & more”',
    );
    expect(adaptive.content.actions[0]).toMatchObject({ type: 'Action.OpenUrl', url: link });
  });
});
