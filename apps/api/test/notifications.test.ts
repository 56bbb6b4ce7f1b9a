import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxSchema, mentionToken, type Notification } from '@amb/shared/notifications';
import { fanOutAll, fanOutBoard } from '../src/services/notifications/fan-out';
import { watchEvents } from './support/event-stream';
import { createTeam, createUser, signIn, startTestApp, TEST_PASSWORD, type TestContext } from './support/test-app';

// Who is told what, through the API on a real database: every kind of event, never the person who did it, never
// someone who cannot read the team (a member who left, another team's people), and the inbox itself.

type Who = 'maya' | 'sam' | 'vic' | 'lee' | 'olga' | 'pat';

describe('notifications', () => {
  let t: TestContext;
  const cookie = {} as Record<Who, string>;
  const id = {} as Record<Who, string>;
  let team: Awaited<ReturnType<typeof createTeam>>;
  const column = (flow: string) => team.board.columns.find((c) => c.flowCategory === flow)!;

  beforeAll(async () => {
    t = await startTestApp();
    const people = {
      maya: await createUser(t.db, { name: 'Maya Master' }),
      sam: await createUser(t.db, { name: 'Sam Member' }),
      vic: await createUser(t.db, { name: 'Vic Viewer' }),
      lee: await createUser(t.db, { name: 'Lee Leaver' }),
      olga: await createUser(t.db, { name: 'Olga Outsider' }),
      pat: await createUser(t.db, { name: 'Pat PMO', orgRole: 'PMO' }),
    };
    team = await createTeam(t.db, [
      { userId: people.maya.id, role: 'SCRUM_MASTER' },
      { userId: people.sam.id, role: 'MEMBER' },
      { userId: people.vic.id, role: 'VIEWER' },
      { userId: people.lee.id, role: 'MEMBER' },
    ]);
    await createTeam(t.db, [{ userId: people.olga.id, role: 'SCRUM_MASTER' }]);
    for (const [who, user] of Object.entries(people)) {
      cookie[who as Who] = await signIn(t.app, user.email);
      id[who as Who] = user.id;
    }
  });
  afterAll(() => t.close());

  const as = async (who: Who, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, payload, headers: { cookie: cookie[who] } });
    if (res.statusCode >= 400) throw new Error(`${who} ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  /** Everything fanned out, then what each person has unread since the last look (read as they look). */
  const seen = new Map<Who, Set<string>>();
  const news = async (who: Who, fanOut = true): Promise<Notification[]> => {
    if (fanOut) await fanOutAll(t.db);
    const inbox = inboxSchema.parse(await as(who, 'GET', '/api/notifications'));
    const before = seen.get(who) ?? new Set();
    seen.set(who, new Set(inbox.notifications.map((n) => n.id)));
    return inbox.notifications.filter((n) => !before.has(n.id));
  };
  const kinds = async (who: Who, fanOut = true) => (await news(who, fanOut)).map((n) => n.kind).sort();
  const everyone: Who[] = ['maya', 'sam', 'vic', 'lee', 'olga', 'pat'];
  const told = async () => {
    await fanOutAll(t.db);
    return Object.fromEntries(await Promise.all(everyone.map(async (w) => [w, await kinds(w, false)] as const)));
  };
  const newCard = async (title: string, ownerIds: string[] = []): Promise<{ id: string }> =>
    (await as('maya', 'POST', '/api/cards', { columnId: column('TODO').id, title, ownerIds })).card;
  const version = async (cardId: string) => (await t.db.card.findUniqueOrThrow({ where: { id: cardId } })).version;

  it('tells a new owner, never the one who made the card', async () => {
    await told();
    const card = await newCard('Launch blog post', [id.sam, id.maya]);
    const now = await told();
    expect(now).toEqual({ maya: [], sam: ['owner.added'], vic: [], lee: [], olga: [], pat: [] });
    // Owners and the creator watch it.
    const watchers = await as('vic', 'GET', `/api/cards/${card.id}/watchers`);
    expect(watchers.watchers.map((w: { name: string }) => w.name).sort()).toEqual(['Maya Master', 'Sam Member']);
    expect(watchers.watching).toBe(false);
    // Added later as an owner: told then.
    await as('sam', 'PATCH', `/api/cards/${card.id}`, {
      version: await version(card.id),
      ownerIds: [id.sam, id.maya, id.lee],
    });
    expect(await told()).toEqual({ maya: [], sam: [], vic: [], lee: ['owner.added'], olga: [], pat: [] });
  });

  it('tells mentioned readers and watchers of a comment, not the writer nor those who cannot read the card', async () => {
    const card = await newCard('Legal review');
    await as('vic', 'PUT', `/api/cards/${card.id}/watch`, { watching: true });
    await told();
    const written = await as('sam', 'POST', `/api/cards/${card.id}/comments`, {
      body: `Can ${mentionToken(id.lee)} and ${mentionToken(id.olga)} look? ${mentionToken(id.sam)}`,
    });
    // The writer hears that Olga will not be told; the comment and the excerpt do not name her.
    expect(written.unreachedMentions).toEqual([id.olga]);
    expect(written.mentions.map((p: { name: string }) => p.name)).toEqual(['Lee Leaver', 'Sam Member']);
    const lee = await news('lee');
    expect(lee.map((n) => [n.kind, n.cardTitle, n.text])).toEqual([
      [
        'mentioned',
        'Legal review',
        'Sam Member mentioned you in a comment: “Can @Lee Leaver and @someone look? @Sam Member”',
      ],
    ]);
    expect(lee[0]!.link).toBe(`/teams/${team.id}/board/cards/${card.id}`);
    expect(await told()).toEqual({
      maya: ['comment.added'],
      sam: [],
      vic: ['comment.added'],
      lee: [],
      olga: [],
      pat: [],
    });
    // The commenter and the mentioned reader now watch; the outsider does not.
    const watchers = (await as('maya', 'GET', `/api/cards/${card.id}/watchers`)).watchers.map(
      (w: { name: string }) => w.name,
    );
    expect(watchers.sort()).toEqual(['Lee Leaver', 'Maya Master', 'Sam Member', 'Vic Viewer']);
    // Vic stops watching: the next comment tells Maya, Sam and Lee only.
    await as('vic', 'PUT', `/api/cards/${card.id}/watch`, { watching: false });
    await as('maya', 'POST', `/api/cards/${card.id}/comments`, { body: 'Signed off.' });
    expect(await told()).toEqual({
      maya: [],
      sam: ['comment.added'],
      vic: [],
      lee: ['comment.added'],
      olga: [],
      pat: [],
    });
  });

  it('tells mentions in a description once, when they are added', async () => {
    const card = await newCard('Webinar');
    await told();
    await as('maya', 'PATCH', `/api/cards/${card.id}`, {
      version: await version(card.id),
      description: `Slides by ${mentionToken(id.vic)}`,
    });
    await as('maya', 'PATCH', `/api/cards/${card.id}`, {
      version: await version(card.id),
      description: `Slides by ${mentionToken(id.vic)}, soon`,
    });
    expect(await told()).toEqual({ maya: [], sam: [], vic: ['mentioned'], lee: [], olga: [], pat: [] });
  });

  it('tells mentions in the description a card is made with, and names back those who cannot read it', async () => {
    await told();
    const made = await as('maya', 'POST', '/api/cards', {
      columnId: column('TODO').id,
      title: 'Podcast pilot',
      description: `Guests: ${mentionToken(id.lee)} and ${mentionToken(id.olga)}`,
    });
    expect(made.unreachedMentions).toEqual([id.olga]);
    expect(await told()).toEqual({ maya: [], sam: [], vic: [], lee: ['mentioned'], olga: [], pat: [] });
    // A card made with a description that mentions no one adds no entry for it.
    await as('maya', 'POST', '/api/cards', { columnId: column('TODO').id, title: 'Plain', description: 'No one' });
    const plain = await t.db.card.findFirstOrThrow({ where: { title: 'Plain' } });
    expect(await t.db.activity.count({ where: { cardId: plain.id, field: 'description' } })).toBe(0);
  });

  it('tells no one a description mentions who cannot read the card, and says so to the writer only by reference', async () => {
    const card = await newCard('Trade fair');
    await told();
    const ghost = '00000000-0000-4000-8000-000000000000';
    const first = await as('maya', 'PATCH', `/api/cards/${card.id}`, {
      version: await version(card.id),
      description: `Stand by ${mentionToken(id.olga)}, ${mentionToken(id.sam)} and ${mentionToken(ghost)}`,
    });
    // Someone in another team and no one at all look alike: the references as sent, no name.
    expect(first.unreachedMentions).toEqual([id.olga, ghost]);
    expect(JSON.stringify(first)).not.toContain('Olga');
    expect(await told()).toEqual({ maya: [], sam: ['mentioned'], vic: [], lee: [], olga: [], pat: [] });
    // Only new mentions are reported; the card names only its readers.
    const again = await as('maya', 'PATCH', `/api/cards/${card.id}`, {
      version: await version(card.id),
      description: `Stand by ${mentionToken(id.olga)}, ${mentionToken(id.sam)} and ${mentionToken(id.vic)}`,
    });
    expect(again.unreachedMentions).toEqual([]);
    const detail = await as('vic', 'GET', `/api/cards/${card.id}`);
    expect(detail.descriptionMentions).toEqual([
      { id: id.sam, name: 'Sam Member' },
      { id: id.vic, name: 'Vic Viewer' },
    ]);
    expect(
      (await as('maya', 'PATCH', `/api/cards/${card.id}`, { version: await version(card.id), title: 'Fair' }))
        .unreachedMentions,
    ).toEqual([]);
    expect(await told()).toEqual({ maya: [], sam: [], vic: ['mentioned'], lee: [], olga: [], pat: [] });
  });

  it('tells owners when their card is blocked, unblocked, done or archived', async () => {
    const card = await newCard('Newsletter', [id.sam, id.maya]);
    await told();
    await as('maya', 'PATCH', `/api/cards/${card.id}`, {
      version: await version(card.id),
      blocked: true,
      blockedReason: 'Waiting on legal',
    });
    const blocked = await news('sam');
    expect(blocked.map((n) => n.text)).toEqual(['Maya Master blocked it: “Waiting on legal”']);
    await as('maya', 'PATCH', `/api/cards/${card.id}`, { version: await version(card.id), blocked: false });
    await as('maya', 'POST', `/api/cards/${card.id}/move`, {
      version: await version(card.id),
      columnId: column('DONE').id,
      afterCardId: null,
    });
    await as('maya', 'POST', `/api/cards/${card.id}/archive`, { version: await version(card.id) });
    expect(await told()).toEqual({
      maya: [],
      sam: ['card.archived', 'card.done', 'card.unblocked'],
      vic: [],
      lee: [],
      olga: [],
      pat: [],
    });
  });

  it('tells the PMO of an escalation and the team of the PMO handling it, with the note', async () => {
    const card = await newCard('Vendor contract', [id.sam]);
    await as('sam', 'PATCH', `/api/cards/${card.id}`, {
      version: await version(card.id),
      blocked: true,
      blockedReason: 'Vendor silent',
    });
    await told();
    await as('maya', 'PUT', `/api/cards/${card.id}/escalation`, { escalated: true });
    expect(await told()).toEqual({ maya: [], sam: [], vic: [], lee: [], olga: [], pat: ['obstacle.escalated'] });
    await as('pat', 'PUT', `/api/cards/${card.id}/pmo-handling`, { state: 'handling', note: 'Calling them today' });
    const sam = await news('sam');
    expect(sam.map((n) => n.text)).toEqual(['Pat PMO at the PMO is handling the obstacle: “Calling them today”']);
    expect(await told()).toEqual({
      maya: ['obstacle.handling'],
      sam: [],
      vic: ['obstacle.handling'],
      lee: ['obstacle.handling'],
      olga: [],
      pat: [],
    });
  });

  it('tells the team when a sprint starts and closes and the retrospective opens', async () => {
    const sprint = await as('maya', 'POST', '/api/sprints', {
      teamId: team.id,
      name: 'Sprint 7',
      startDate: '2026-12-07',
      endDate: '2026-12-18',
    });
    await told();
    await as('maya', 'POST', `/api/sprints/${sprint.id}/start`);
    const started = await news('sam');
    expect(started.map((n) => [n.text, n.link])).toEqual([
      ['Maya Master started the sprint Sprint 7', `/teams/${team.id}/sprint`],
    ]);
    await as('maya', 'POST', `/api/sprints/${sprint.id}/close`, { goalMet: true });
    await as('maya', 'PUT', `/api/sprints/${sprint.id}/retrospective`, { state: 'OPEN' });
    expect(await told()).toEqual({
      maya: [],
      sam: ['retrospective.opened', 'sprint.closed'],
      vic: ['retrospective.opened', 'sprint.closed', 'sprint.started'],
      lee: ['retrospective.opened', 'sprint.closed', 'sprint.started'],
      olga: [],
      pat: [],
    });
    // A mention in a retrospective note tells that person.
    const note = await as('sam', 'POST', `/api/sprints/${sprint.id}/retrospective/notes`, {
      group: 'WENT_WELL',
      text: `Thanks ${mentionToken(id.vic)} for the slides`,
    });
    expect(note.unreachedMentions).toEqual([]);
    expect(note.mentions).toEqual([{ id: id.vic, name: 'Vic Viewer' }]);
    expect(await told()).toEqual({ maya: [], sam: [], vic: ['mentioned'], lee: [], olga: [], pat: [] });
    // Someone outside the team is not told, and the writer hears so; the note does not name them.
    const edited = await as('sam', 'PATCH', `/api/retrospective-notes/${note.id}`, {
      text: `Thanks ${mentionToken(id.vic)} and ${mentionToken(id.olga)} for the slides`,
    });
    expect(edited.unreachedMentions).toEqual([id.olga]);
    expect(edited.mentions).toEqual([{ id: id.vic, name: 'Vic Viewer' }]);
    const outside = await as('sam', 'POST', `/api/sprints/${sprint.id}/retrospective/notes`, {
      group: 'TO_IMPROVE',
      text: `Ask ${mentionToken(id.olga)}`,
    });
    expect(outside.unreachedMentions).toEqual([id.olga]);
    expect(await told()).toEqual({ maya: [], sam: [], vic: [], lee: [], olga: [], pat: [] });
    const shown = (await as('vic', 'GET', `/api/sprints/${sprint.id}/retrospective`)).notes.find(
      (n: { id: string }) => n.id === note.id,
    );
    expect(shown.mentions).toEqual([{ id: id.vic, name: 'Vic Viewer' }]);
  });

  it('tells approvers when they are asked, and the one who asked when each decides', async () => {
    const card = await newCard('Press release');
    await told();
    await as('maya', 'POST', `/api/cards/${card.id}/approval`, {
      approverIds: [id.sam, id.vic],
      note: 'Before Friday, please',
    });
    const asked = await news('sam');
    expect(asked.map((n) => [n.kind, n.text])).toEqual([
      ['approval.requested', 'Maya Master asks you to approve the card: “Before Friday, please”'],
    ]);
    expect(await told()).toEqual({ maya: [], sam: [], vic: ['approval.requested'], lee: [], olga: [], pat: [] });
    await as('sam', 'POST', `/api/cards/${card.id}/approval/decision`, {
      decision: 'CHANGES_REQUESTED',
      comment: 'The quote needs a source',
    });
    await as('vic', 'POST', `/api/cards/${card.id}/approval/decision`, { decision: 'APPROVED' });
    const decided = await news('maya');
    expect(decided.map((n) => n.text).sort()).toEqual([
      'Sam Member asked for changes: “The quote needs a source”',
      'Vic Viewer approved',
    ]);
    expect(await told()).toEqual({ maya: [], sam: [], vic: [], lee: [], olga: [], pat: [] });
  });

  it('tells the inviter when an invitation is accepted', async () => {
    await told();
    const { link } = await as('maya', 'POST', `/api/teams/${team.id}/invitations`, {
      email: 'newcomer@example.test',
      role: 'MEMBER',
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: link.split('/invitations/')[1], name: 'Nia Newcomer', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const maya = await news('maya');
    expect(maya.map((n) => n.text)).toEqual(['Nia Newcomer accepted your invitation']);
  });

  it('stops telling someone who left the team, and hides what they were told', async () => {
    const card = await newCard('Event booth', [id.lee]);
    expect(await kinds('lee')).toEqual(['owner.added']);
    await t.db.membership.delete({ where: { userId_teamId: { userId: id.lee, teamId: team.id } } });
    await as('maya', 'POST', `/api/cards/${card.id}/comments`, { body: `Booth is booked ${mentionToken(id.lee)}` });
    await fanOutAll(t.db);
    expect(await t.db.notification.count({ where: { userId: id.lee, cardId: card.id } })).toBe(1);
    const inbox = inboxSchema.parse(await as('lee', 'GET', '/api/notifications'));
    expect(inbox).toEqual({ notifications: [], unread: 0 });
    expect(
      (await as('maya', 'GET', `/api/cards/${card.id}/watchers`)).watchers.map((w: { name: string }) => w.name),
    ).toEqual(['Maya Master']);
  });

  it('offers only the card’s readers for a mention', async () => {
    const card = await newCard('Podcast');
    const names = async (who: Who, q = '') =>
      (await as(who, 'GET', `/api/cards/${card.id}/mention-candidates?q=${q}`)).people.map(
        (p: { name: string }) => p.name,
      );
    expect(await names('sam')).toEqual(['Maya Master', 'Nia Newcomer', 'Sam Member', 'Vic Viewer', 'Pat PMO']);
    expect(await names('sam', 'MA')).toEqual(['Maya Master']);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/cards/${card.id}/mention-candidates`,
          headers: { cookie: cookie.olga },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await as('maya', 'GET', `/api/teams/${team.id}/mention-candidates?q=vic`)).people.map(
        (p: { name: string }) => p.name,
      ),
    ).toEqual(['Vic Viewer']);
  });

  it('marks one or all read, and streams the unread count live', async () => {
    await news('sam');
    const base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const stream = await watchEvents(`${base}/api/notifications/events`, cookie.sam);
    expect(stream.status).toBe(200);
    const unread = (n: number) => stream.until((e) => (e as unknown as { unread: number }).unread === n);
    /** Forgets what the stream said so far, so the next wait is for what follows. */
    const afresh = () => stream.events.splice(0);
    const before = (await as('sam', 'GET', '/api/notifications/unread')).unread;
    await unread(before);
    afresh();
    await newCard('Case study', [id.sam]);
    await fanOutAll(t.db);
    await unread(before + 1);
    const inbox = inboxSchema.parse(await as('sam', 'GET', '/api/notifications?unreadOnly=true'));
    expect(inbox.notifications[0]!.cardTitle).toBe('Case study');
    afresh();
    expect((await as('sam', 'POST', `/api/notifications/${inbox.notifications[0]!.id}/read`)).unread).toBe(before);
    await unread(before);
    // Someone else's notification does not exist for Sam.
    const mayas = await t.db.notification.findFirstOrThrow({ where: { userId: id.maya } });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/notifications/${mayas.id}/read`,
          headers: { cookie: cookie.sam },
        })
      ).statusCode,
    ).toBe(404);
    afresh();
    expect((await as('sam', 'POST', '/api/notifications/read-all')).unread).toBe(0);
    await unread(0);
    stream.close();
  });

  it('fans each entry out once, however many fan-outs run at the same time', async () => {
    const card = await newCard('Press release', [id.sam, id.vic]);
    for (let i = 0; i < 5; i++) await as('maya', 'POST', `/api/cards/${card.id}/comments`, { body: `Draft ${i}` });
    await Promise.all([fanOutAll(t.db), fanOutAll(t.db), fanOutBoard(t.db, team.board.id), fanOutAll(t.db)]);
    const rows = await t.db.notification.groupBy({ by: ['userId', 'key'], where: { cardId: card.id }, _count: true });
    expect(rows.every((r) => r._count === 1)).toBe(true);
    // Sam and Vic: told of being made owners and of each comment.
    expect(await t.db.notification.count({ where: { cardId: card.id } })).toBe(12);
  });

  it('keeps preferences per kind, a time zone defaulting to the team’s, and a pause', async () => {
    const prefs = await as('sam', 'GET', '/api/notifications/preferences');
    expect(prefs.kinds.find((k: { kind: string }) => k.kind === 'mentioned').delivery).toBe('EMAIL');
    expect(prefs).toMatchObject({ timeZone: null, defaultTimeZone: 'UTC', digestHour: 8, pausedUntil: null });
    const changed = await as('sam', 'PUT', '/api/notifications/preferences', {
      kinds: [{ kind: 'comment.added', delivery: 'DIGEST' }],
      timeZone: 'Europe/Berlin',
      digestHour: 7,
      pausedUntil: '2026-12-07T08:00:00.000Z',
    });
    expect(changed.kinds.find((k: { kind: string }) => k.kind === 'comment.added').delivery).toBe('DIGEST');
    expect(changed).toMatchObject({
      timeZone: 'Europe/Berlin',
      digestHour: 7,
      pausedUntil: '2026-12-07T08:00:00.000Z',
    });
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      payload: { timeZone: 'Mars/Olympus' },
      headers: { cookie: cookie.sam },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('body.timeZone');
  });
});
