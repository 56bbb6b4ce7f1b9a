import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentionToken } from '@amb/shared/notifications';
import { buildApp, type App } from '../src/app';
import { createPrisma } from '../src/db/prisma';
import { fanOutAll } from '../src/services/notifications/fan-out';
import { claimForMail, MAIL_BATCH_MS, sendNotificationMail } from '../src/services/notifications/mail-delivery';
import { startMailCatcher, type CaughtMail } from './support/mail-catcher';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// Notification mail through a real SMTP server on loopback: at once (a minute's mentions in one mail) or in the
// daily digest at the person's hour, escaped, with a one-click unsubscribe; each notification mailed once by two
// app instances on one database, and again (once) after an instance stopped between claiming and sending.

const PUBLIC_URL = 'https://board.example.test/';
const later = (ms: number) => new Date(Date.now() + ms);

/** The part of a caught mail with this content type, its soft line breaks undone. */
function part(mail: CaughtMail, type: 'text/plain' | 'text/html') {
  const start = mail.raw.indexOf(`Content-Type: ${type}`);
  if (start < 0) return '';
  const body = mail.raw.slice(mail.raw.indexOf('\r\n\r\n', start) + 4);
  return body.slice(0, body.indexOf('\r\n----'));
}
const header = (mail: CaughtMail, name: string) =>
  new RegExp(`^${name}:(.*(?:\\r\\n[ \\t].*)*)`, 'mi')
    .exec(mail.raw)?.[1]
    ?.replace(/\r\n[ \t]+/g, ' ')
    .trim() ?? null;

describe('notification mail', () => {
  let t: TestContext;
  let other: App;
  let mail: Awaited<ReturnType<typeof startMailCatcher>>;
  const cookie: Record<string, string> = {};
  const id: Record<string, string> = {};
  const email: Record<string, string> = {};
  let team: Awaited<ReturnType<typeof createTeam>>;

  beforeAll(async () => {
    mail = await startMailCatcher();
    t = await startTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mail.port),
      MAIL_FROM: 'Board <board@example.test>',
      PUBLIC_URL,
    });
    // A second API instance on the same database, with its own connections, as a second process would have.
    other = await buildApp({ config: t.app.config, db: createPrisma(t.database.url, 4) });
    await other.ready();
    for (const name of ['maya', 'sam', 'vic', 'lee', 'dora']) {
      const user = await createUser(t.db, { name: `${name[0]!.toUpperCase()}${name.slice(1)}` });
      id[name] = user.id;
      email[name] = user.email;
    }
    team = await createTeam(
      t.db,
      ['maya', 'sam', 'vic', 'lee', 'dora'].map((n) => ({ userId: id[n]!, role: 'MEMBER' as const })),
    );
    for (const name of Object.keys(id)) cookie[name] = await signIn(t.app, email[name]!);
  });
  afterAll(async () => {
    await other.close();
    await other.db.$disconnect();
    await t.close();
    await mail.close();
  });

  const as = async (who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, payload, headers: { cookie: cookie[who]! } });
    if (res.statusCode >= 400) throw new Error(`${who} ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const newCard = async (title: string): Promise<{ id: string }> =>
    (
      await as('maya', 'POST', '/api/cards', {
        columnId: team.board.columns.find((c) => c.flowCategory === 'TODO')!.id,
        title,
      })
    ).card;
  const comment = async (cardId: string, body: string) => {
    await as('maya', 'POST', `/api/cards/${cardId}/comments`, { body });
    await fanOutAll(t.db);
  };
  const send = (now: Date, app: App = t.app) =>
    sendNotificationMail(app.db, app.mailer!, { publicUrl: PUBLIC_URL, now });

  it('mails mentions at once, a minute’s worth in one mail, escaped, with links and a one-click unsubscribe', async () => {
    const card = await newCard('Launch <script>alert(1)</script> & "blog"');
    await comment(card.id, `${mentionToken(id.sam!)} can you look <img src=x onerror=alert(2)>?`);
    await comment(card.id, `${mentionToken(id.sam!)} and the headline`);
    // Within the batching minute nothing goes; after it, one mail with both.
    expect(await send(new Date())).toBe(0);
    expect(await send(later(MAIL_BATCH_MS + 1000))).toBe(1);
    const sent = await mail.next();
    expect(sent.to).toEqual([email.sam]);
    expect(header(sent, 'Subject')).toBe('2 new notifications');
    const text = part(sent, 'text/plain');
    expect(text).toContain('Launch <script>alert(1)</script> & "blog": Maya mentioned you in a comment');
    expect(text).toContain(`${PUBLIC_URL}teams/${team.id}/board/cards/${card.id}`);
    expect(text).toContain(`${PUBLIC_URL}account/notifications`);
    const html = part(sent, 'text/html');
    expect(html).toContain('Launch &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;blog&quot;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain(`href="${PUBLIC_URL}teams/${team.id}/board/cards/${card.id}"`);
    // RFC 8058: the header names an https link, and says a POST to it is enough.
    expect(header(sent, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = /^<(https:\/\/board\.example\.test\/api\/notifications\/unsubscribe\?token=[^>]+)>$/.exec(
      header(sent, 'List-Unsubscribe') ?? '',
    )?.[1];
    expect(unsubscribe).toBeDefined();
    expect(text).toContain(unsubscribe);
    // Mailed, so not again.
    expect(await send(later(MAIL_BATCH_MS + 2000))).toBe(0);

    // A forged token is refused; opening the link changes nothing; a mail client's one-click POST (a form, no
    // Origin, no cookie) stops the mail.
    const path = new URL(unsubscribe!).pathname + new URL(unsubscribe!).search;
    const forged = path.replace(/token=([^.]+)\.[^&]+/, 'token=$1.forged-secret-of-the-same-length-xx');
    expect((await t.app.inject({ method: 'GET', url: forged, headers: { origin: undefined } })).statusCode).toBe(404);
    const opened = await t.app.inject({ method: 'GET', url: path, headers: { origin: undefined } });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('<button type="submit">Stop e-mail</button>');
    expect(
      (await as('sam', 'GET', '/api/notifications/preferences')).kinds.find(
        (k: { kind: string }) => k.kind === 'mentioned',
      ).delivery,
    ).toBe('EMAIL');
    const oneClick = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { origin: undefined, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    const prefs = await as('sam', 'GET', '/api/notifications/preferences');
    expect(prefs.kinds.every((k: { delivery: string }) => k.delivery === 'APP')).toBe(true);
    await comment(card.id, `${mentionToken(id.sam!)} one more`);
    expect(await send(later(MAIL_BATCH_MS + 3000))).toBe(0);
    // The inbox still has it.
    expect((await as('sam', 'GET', '/api/notifications/unread')).unread).toBe(3);
  });

  it('sends the digest once its hour has come on the person’s clock, and not before', async () => {
    // Twelve hours from now, in UTC: the last digest hour was long before these notifications.
    const hour = (new Date().getUTCHours() + 12) % 24;
    await as('vic', 'PUT', '/api/notifications/preferences', {
      kinds: [{ kind: 'comment.added', delivery: 'DIGEST' }],
      timeZone: 'UTC',
      digestHour: hour,
    });
    const card = await newCard('Autumn newsletter');
    await as('vic', 'PUT', `/api/cards/${card.id}/watch`, { watching: true });
    await comment(card.id, 'First draft is in');
    await comment(card.id, 'Second draft is in');
    expect(await send(later(MAIL_BATCH_MS + 1000))).toBe(0);
    expect(await send(later(11 * 3600_000))).toBe(0);
    expect(await send(later(13 * 3600_000))).toBe(1);
    const digest = await mail.next();
    expect(digest.to).toEqual([email.vic]);
    expect(header(digest, 'Subject')).toBe('Your daily digest: 2 notifications');
    expect(part(digest, 'text/plain')).toContain('Autumn newsletter: Maya commented');
    expect(await send(later(14 * 3600_000))).toBe(0);
  });

  it('mails nobody who pauses, left the team, or already read it', async () => {
    await as('dora', 'PUT', '/api/notifications/preferences', { pausedUntil: later(3600_000).toISOString() });
    const card = await newCard('Trade show booth');
    await comment(card.id, `${mentionToken(id.dora!)} ${mentionToken(id.lee!)} ${mentionToken(id.vic!)} please`);
    await t.db.membership.deleteMany({ where: { userId: id.lee, teamId: team.id } });
    await as('vic', 'POST', '/api/notifications/read-all');
    expect(await send(later(MAIL_BATCH_MS + 1000))).toBe(0);
    // Once the pause is over, what waited goes out.
    expect(await send(later(3600_000 + 1000))).toBe(1);
    expect((await mail.next()).to).toEqual([email.dora]);
  });

  it('mails each notification once with two instances at once, and once more after one stopped mid-send', async () => {
    const card = await newCard('Webinar landing page');
    const before = mail.mails.length;
    await comment(card.id, `${mentionToken(id.maya!)} ${mentionToken(id.dora!)} ${mentionToken(id.vic!)} hello`);
    await as('sam', 'POST', `/api/cards/${card.id}/comments`, { body: `${mentionToken(id.maya!)} from Sam` });
    await fanOutAll(t.db);
    // Dora's pause is over in a few seconds of this test's clock.
    const now = later(3600_000 + 2000);
    const [a, b] = await Promise.all([send(now), send(now, other)]);
    expect(a + b).toBe(3);
    await Promise.all([mail.next(), mail.next(), mail.next()]);
    expect(
      mail.mails
        .slice(before)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual([email.maya, email.dora, email.vic].sort());
    expect(await t.db.notification.count({ where: { cardId: card.id, mailedAt: null, kind: 'mentioned' } })).toBe(0);

    // An instance claims Vic's next mention and stops before sending: nobody sends it while the claim lasts, the
    // next run after it lapses sends it, once.
    await as('maya', 'POST', `/api/cards/${card.id}/comments`, { body: `${mentionToken(id.vic!)} again` });
    await fanOutAll(t.db);
    const waiting = await t.db.notification.findMany({
      where: { userId: id.vic, kind: 'mentioned', mailedAt: null, readAt: null },
    });
    expect(waiting).toHaveLength(1);
    const claimAt = later(3600_000 + MAIL_BATCH_MS + 3000);
    expect(await claimForMail(other.db, [waiting[0]!.id], claimAt)).toEqual([waiting[0]!.id]);
    expect(await send(new Date(claimAt.getTime() + 1000))).toBe(0);
    const lapsed = new Date(claimAt.getTime() + 6 * 60_000);
    const [c, d] = await Promise.all([send(lapsed), send(lapsed, other)]);
    expect(c + d).toBe(1);
    expect((await mail.next()).to).toEqual([email.vic]);
  });
});
