import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCards, httpClient } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

type Method = 'POST' | 'PATCH' | 'DELETE';

// Archived cards are read-only until restored, whichever way a write comes in.
describe('archived cards', () => {
  let t: TestContext;
  let cookie: string;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let memberId: string;
  let principleId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const marketer = await createUser(t.db);
    const colleague = await createUser(t.db);
    memberId = colleague.id;
    team = await createTeam(t.db, [
      { userId: marketer.id, role: 'MEMBER' },
      { userId: colleague.id, role: 'MEMBER' },
    ]);
    cookie = await signIn(t.app, marketer.email);
    principleId = (await t.db.principle.findFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  const call = (method: Method | 'GET', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: { cookie }, payload });

  /** An open card with a checklist, an item and a link to another card, then archived through the API. */
  const archivedCard = async () => {
    const [card, other] = await addCards(
      t.db,
      team.board.id,
      team.board.columns[0]!.id,
      2,
      `Archived ${crypto.randomUUID()}`,
    );
    const list = (await call('POST', `/cards/${card!.id}/checklists`, { title: 'Done means' })).json();
    const item = (await call('POST', `/checklists/${list.id}/items`, { text: 'Proofread' })).json();
    const link = (await call('POST', `/cards/${card!.id}/links`, { toCardId: other!.id, kind: 'RELATES' })).json();
    const archived = await call('POST', `/cards/${card!.id}/archive`, { version: 1 });
    expect(archived.statusCode).toBe(200);
    return { card: card!, other: other!, list, item, link, version: archived.json().card.version as number };
  };

  type Fixture = Awaited<ReturnType<typeof archivedCard>>;
  const writes: [string, (f: Fixture) => [Method, string, object?], string?][] = [
    ['edit its title', (f) => ['PATCH', `/cards/${f.card.id}`, { version: f.version, title: 'Renamed' }]],
    ['change its owners', (f) => ['PATCH', `/cards/${f.card.id}`, { version: f.version, ownerIds: [memberId] }]],
    ['tag a principle', (f) => ['PATCH', `/cards/${f.card.id}`, { version: f.version, principleIds: [principleId] }]],
    [
      'block it',
      (f) => ['PATCH', `/cards/${f.card.id}`, { version: f.version, blocked: true, blockedReason: 'Waiting' }],
    ],
    [
      'move it',
      (f) => [
        'POST',
        `/cards/${f.card.id}/move`,
        { columnId: team.board.columns[1]!.id, afterCardId: null, version: f.version },
      ],
    ],
    ['comment on it', (f) => ['POST', `/cards/${f.card.id}/comments`, { body: 'Still here?' }]],
    ['add a checklist', (f) => ['POST', `/cards/${f.card.id}/checklists`, { title: 'Another' }]],
    ['delete its checklist', (f) => ['DELETE', `/checklists/${f.list.id}`]],
    ['add a checklist item', (f) => ['POST', `/checklists/${f.list.id}/items`, { text: 'More' }]],
    ['tick a checklist item', (f) => ['PATCH', `/checklists/items/${f.item.id}`, { done: true }]],
    ['delete a checklist item', (f) => ['DELETE', `/checklists/items/${f.item.id}`]],
    ['link it to another card', (f) => ['POST', `/cards/${f.card.id}/links`, { toCardId: f.other.id, kind: 'BLOCKS' }]],
    [
      'link another card to it',
      (f) => ['POST', `/cards/${f.other.id}/links`, { toCardId: f.card.id, kind: 'DEPENDS_ON' }],
      'body.toCardId',
    ],
    ['remove its link', (f) => ['DELETE', `/card-links/${f.link.id}`]],
  ];

  for (const [what, request, field] of writes) {
    it(`refuses to ${what} with 409 CARD_ARCHIVED`, async () => {
      const f = await archivedCard();
      const before = (await call('GET', `/cards/${f.card.id}`)).json();
      const [method, url, body] = request(f);
      const res = await call(method, url, body);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'CARD_ARCHIVED',
        message: 'This card is archived; restore it before changing it',
      });
      if (field) expect(res.json().error.fields).toEqual([{ field, message: 'is an archived card' }]);
      expect((await call('GET', `/cards/${f.card.id}`)).json()).toEqual(before);
    });
  }

  it('allows every one of those writes again once the card is restored', async () => {
    for (const [what, request] of writes) {
      const f = await archivedCard();
      const restored = await call('POST', `/cards/${f.card.id}/restore`, { version: f.version });
      expect(restored.statusCode).toBe(200);
      const [method, url, body] = request({ ...f, version: restored.json().card.version });
      const res = await call(method, url, body);
      expect(res.statusCode, `${what}: ${res.body}`).toBeLessThan(300);
    }
  });

  it('is enforced by the database too, for writes that do not pass through the API’s checks', async () => {
    const f = await archivedCard();
    const attempts = [
      t.db.comment.create({ data: { cardId: f.card.id, body: 'Sneaked in' } }),
      t.db.checklistItem.update({ where: { id: f.item.id }, data: { done: true } }),
      t.db.checklist.delete({ where: { id: f.list.id } }),
      t.db.cardLink.create({ data: { fromCardId: f.other.id, toCardId: f.card.id, kind: 'BLOCKS' } }),
      t.db.cardOwner.create({ data: { cardId: f.card.id, userId: memberId } }),
      t.db.cardPrinciple.create({ data: { cardId: f.card.id, principleId } }),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toThrow(/archived/);
    // Deleting the card still takes its checklists and links with it.
    await t.db.card.delete({ where: { id: f.card.id } });
    expect(await t.db.checklist.count({ where: { cardId: f.card.id } })).toBe(0);
  });

  it('lets no comment land after the archive when the two race', async () => {
    const baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const http = httpClient(baseUrl, cookie);
    const cards = await addCards(t.db, team.board.id, team.board.columns[0]!.id, 50, 'Racing archive');
    // Ten races at a time: enough to overlap, not so many that the embedded database (one statement at a time)
    // makes transactions wait past their start timeout.
    const results = [];
    for (let i = 0; i < cards.length; i += 10) {
      results.push(
        ...(await Promise.all(
          cards.slice(i, i + 10).map(async (card) => {
            const [comment, archive] = await Promise.all([
              http('POST', `/cards/${card.id}/comments`, { body: 'Last words' }),
              http('POST', `/cards/${card.id}/archive`, { version: 1 }),
            ]);
            return { card, comment, archive };
          }),
        )),
      );
    }
    for (const { card, comment, archive } of results) {
      expect(archive.status).toBe(200);
      expect([201, 409]).toContain(comment.status);
      if (comment.status === 409) expect(comment.body.error.code).toBe('CARD_ARCHIVED');
      // A comment that was accepted went in before the card was archived: its history entry comes first.
      const entries = await t.db.activity.findMany({
        where: { cardId: card.id, kind: { in: ['comment.added', 'card.archived'] } },
        orderBy: { id: 'asc' },
      });
      expect(entries.map((e) => e.kind)).toEqual(
        comment.status === 201 ? ['comment.added', 'card.archived'] : ['card.archived'],
      );
      expect(await t.db.comment.count({ where: { cardId: card.id } })).toBe(comment.status === 201 ? 1 : 0);
    }
  });
});
