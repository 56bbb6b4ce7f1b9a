import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeText, foldLine } from '../src/lib/icalendar';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// Calendar feeds: a secret URL lists "my cards" or a team's cards as all-day events on their due day, as the card
// panel wrote it; what it lists is decided again at every fetch, and renewing or revoking it kills the old URL.
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'DELETE';
const withCookie = (cookie: string, method: Method, url: string, payload?: object) =>
  t.app.inject({ method, url: `/api${url}`, headers: { cookie }, payload });
/** A calendar app's fetch: no cookie, no Origin. */
const fetchFeed = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: new URL(url).pathname, headers: { origin: undefined, ...headers } });

async function makeFeed(cookie: string, body: object) {
  const res = await withCookie(cookie, 'POST', '/account/calendar-feeds', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; url: string; name: string; scope: string };
}
const events = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

async function teamWithCard(memberId: string, title: string, due: string, timeZone = 'UTC') {
  const team = await createTeam(t.db, [{ userId: memberId, role: 'MEMBER' }]);
  await t.db.team.update({ where: { id: team.id }, data: { timeZone } });
  const column = team.board.columns[0]!;
  const [card] = await addCards(t.db, team.board.id, column.id, 1, `seed-${crypto.randomUUID()}`);
  await t.db.card.update({
    where: { id: card!.id },
    data: { title, dueDate: new Date(due), owners: { create: { userId: memberId } } },
  });
  return { team, card: card!, column };
}

describe('calendar feeds', () => {
  it('list a team’s cards with titles that round-trip through a real iCalendar parser', async () => {
    const person = await createUser(t.db, { name: 'Dana Diaz' });
    const cookie = await signIn(t.app, person.email);
    const title =
      'Launch, phase 2; the "big" one \\ with\nnewlines 🚀 and a very long tail that needs folding ééééééééé';
    const { team, card, column } = await teamWithCard(person.id, title, '2027-03-10T12:00:00Z');
    await t.db.card.update({ where: { id: card.id }, data: { blocked: true, blockedReason: 'Legal, review' } });
    // An archived card and a card without a due date are left out.
    const [archived, undated] = await addCards(t.db, team.board.id, column.id, 2, 'Left out');
    await t.db.card.update({ where: { id: archived!.id }, data: { dueDate: new Date(), archivedAt: new Date() } });
    expect(undated!.dueDate).toBeNull();

    const feed = await makeFeed(cookie, { scope: 'team', teamId: team.id });
    expect(feed.url).toMatch(/\/api\/calendar-feeds\/amb_cal_[\w-]{43}\.ics$/);
    expect(feed.name).toBe(`${team.name} cards`);

    const res = await fetchFeed(feed.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, max-age=300');
    expect(res.body).toContain('\r\n');
    expect(res.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(res.body).toContain(`X-WR-CALNAME:${team.name} cards`);
    const [event, ...others] = events(res.body);
    expect(others).toHaveLength(0);
    expect(event!.summary).toBe(title);
    expect(event!.uid).toBe(`card-${card.id}@agile-marketing-board`);
    expect(event!.startDate.toString()).toBe('2027-03-10');
    expect(event!.startDate.isDate).toBe(true);
    expect(event!.endDate.toString()).toBe('2027-03-11');
    expect(event!.description).toBe(`Column: ${column.name}\nOwners: Dana Diaz\nBlocked: Legal, review`);
    expect(event!.component.getFirstPropertyValue('url')).toMatch(
      new RegExp(`^http://localhost(:\\d+)?/teams/${team.id}/board/cards/${card.id}$`),
    );

    // An unchanged feed answers 304 to a calendar app that holds it.
    const again = await fetchFeed(feed.url, { 'if-none-match': res.headers.etag as string });
    expect(again.statusCode).toBe(304);
  });

  it('put the event on the day the card panel wrote, in a team west or east of UTC', async () => {
    const person = await createUser(t.db);
    const cookie = await signIn(t.app, person.email);
    // A day entered in the panel is stored at its start in UTC: in New York that instant is still the evening before.
    await teamWithCard(person.id, 'New York launch', '2027-03-10T00:00:00Z', 'America/New_York');
    await teamWithCard(person.id, 'Auckland launch', '2027-03-11T00:00:00Z', 'Pacific/Auckland');
    const feed = await makeFeed(cookie, { scope: 'mine' });
    expect(feed.name).toBe('My cards');
    const days = events((await fetchFeed(feed.url)).body).map((e) => [e.summary, e.startDate.toString()]);
    expect(days).toEqual([
      ['New York launch', '2027-03-10'],
      ['Auckland launch', '2027-03-11'],
    ]);
  });

  it('span a card from its start day to its due day', async () => {
    const person = await createUser(t.db);
    const cookie = await signIn(t.app, person.email);
    const { card } = await teamWithCard(person.id, 'Trade fair', '2027-05-14T12:00:00Z');
    await t.db.card.update({ where: { id: card.id }, data: { startDate: new Date('2027-05-12T12:00:00Z') } });
    const feed = await makeFeed(cookie, { scope: 'mine' });
    const [event] = events((await fetchFeed(feed.url)).body);
    expect(event!.summary).toBe('Trade fair');
    expect(event!.startDate.toString()).toBe('2027-05-12');
    // All-day events end on the day after their last.
    expect(event!.endDate.toString()).toBe('2027-05-15');
  });

  it('follow what the person can read now: removed from a team, its feed is gone and "my cards" drops its cards', async () => {
    const person = await createUser(t.db);
    const cookie = await signIn(t.app, person.email);
    const stays = await teamWithCard(person.id, 'Stays in my calendar', '2027-04-01T12:00:00Z');
    const leaves = await teamWithCard(person.id, 'Leaves my calendar', '2027-04-02T12:00:00Z');
    const mine = await makeFeed(cookie, { scope: 'mine' });
    const teamFeed = await makeFeed(cookie, { scope: 'team', teamId: leaves.team.id });
    expect(events((await fetchFeed(mine.url)).body).map((e) => e.summary)).toEqual([
      'Stays in my calendar',
      'Leaves my calendar',
    ]);
    expect((await fetchFeed(teamFeed.url)).statusCode).toBe(200);

    await t.db.membership.deleteMany({ where: { teamId: leaves.team.id, userId: person.id } });
    expect((await fetchFeed(teamFeed.url)).statusCode).toBe(404);
    expect(events((await fetchFeed(mine.url)).body).map((e) => e.summary)).toEqual(['Stays in my calendar']);
    expect(stays.card.id).toBeTruthy();

    // A deactivated person's feeds answer "not found".
    await t.db.user.update({ where: { id: person.id }, data: { deactivatedAt: new Date() } });
    expect((await fetchFeed(mine.url)).statusCode).toBe(404);
  });

  it('are renewed (the old URL stops working) and revoked, only by their person', async () => {
    const person = await createUser(t.db);
    const other = await createUser(t.db);
    const cookie = await signIn(t.app, person.email);
    const otherCookie = await signIn(t.app, other.email);
    const feed = await makeFeed(cookie, { scope: 'mine' });
    expect((await fetchFeed(feed.url)).statusCode).toBe(200);

    // Someone else can neither renew nor revoke it, nor see it.
    expect((await withCookie(otherCookie, 'POST', `/account/calendar-feeds/${feed.id}/renew`)).statusCode).toBe(404);
    expect((await withCookie(otherCookie, 'DELETE', `/account/calendar-feeds/${feed.id}`)).statusCode).toBe(404);
    expect((await withCookie(otherCookie, 'GET', '/account/calendar-feeds')).json().feeds).toEqual([]);

    const renewed = await withCookie(cookie, 'POST', `/account/calendar-feeds/${feed.id}/renew`);
    expect(renewed.statusCode).toBe(200);
    const newUrl = renewed.json().url as string;
    expect(newUrl).not.toBe(feed.url);
    expect((await fetchFeed(feed.url)).statusCode).toBe(404);
    expect((await fetchFeed(newUrl)).statusCode).toBe(200);
    // The URL is never shown again.
    const list = (await withCookie(cookie, 'GET', '/account/calendar-feeds')).json();
    expect(list.feeds).toHaveLength(1);
    expect(list.feeds[0].renewedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain('amb_cal_');

    expect((await withCookie(cookie, 'DELETE', `/account/calendar-feeds/${feed.id}`)).statusCode).toBe(200);
    expect((await fetchFeed(newUrl)).statusCode).toBe(404);
    expect((await withCookie(cookie, 'GET', '/account/calendar-feeds')).json().feeds).toEqual([]);
    expect((await withCookie(cookie, 'DELETE', `/account/calendar-feeds/${feed.id}`)).statusCode).toBe(404);
  });

  it('answer "not found" to unknown or malformed secrets', async () => {
    for (const path of ['amb_cal_unknown.ics', `amb_cal_${'a'.repeat(43)}.ics`, 'nothing', 'x'.repeat(90)])
      expect((await t.app.inject({ method: 'GET', url: `/api/calendar-feeds/${path}` })).statusCode).toBe(404);
  });

  it('refuse bad input naming the field, teams the person cannot read, and more than the limit', async () => {
    const person = await createUser(t.db);
    const cookie = await signIn(t.app, person.email);
    const bad = async (body: object, field: string) => {
      const res = await withCookie(cookie, 'POST', '/account/calendar-feeds', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(res.json())).toContain(field);
    };
    await bad({ scope: 'everyone' }, 'scope');
    await bad({ scope: 'team' }, 'teamId');
    await bad({ scope: 'team', teamId: 'not-an-id' }, 'teamId');
    const elsewhere = await createTeam(t.db, []);
    expect(
      (await withCookie(cookie, 'POST', '/account/calendar-feeds', { scope: 'team', teamId: elsewhere.id })).statusCode,
    ).toBe(404);
    expect((await withCookie(cookie, 'POST', '/account/calendar-feeds/not-an-id/renew')).statusCode).toBe(400);

    for (let i = 0; i < 20; i++) await makeFeed(cookie, { scope: 'mine' });
    const over = await withCookie(cookie, 'POST', '/account/calendar-feeds', { scope: 'mine' });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('LIMIT_REACHED');
  });
});

describe('the iCalendar writer', () => {
  it('escapes text and folds long lines without splitting a character', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const line = `SUMMARY:${'é'.repeat(40)}${'🚀'.repeat(20)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
  });
});
