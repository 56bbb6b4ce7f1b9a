import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardDetailSchema } from '@amb/shared/cards';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

describe('card details', () => {
  let t: TestContext;
  let cookie: string;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let devTeam: Awaited<ReturnType<typeof createTeam>>;
  let hiddenTeam: Awaited<ReturnType<typeof createTeam>>;

  beforeAll(async () => {
    t = await startTestApp();
    const marketer = await createUser(t.db, { name: 'Maya Marketer' });
    team = await createTeam(t.db, [{ userId: marketer.id, role: 'MEMBER' }], 'Content');
    devTeam = await createTeam(t.db, [{ userId: marketer.id, role: 'VIEWER' }], 'Web Development');
    hiddenTeam = await createTeam(t.db, [], 'Secret');
    cookie = await signIn(t.app, marketer.email);
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: { cookie }, payload });

  it('gathers comments, checklists, links across teams and history in one answer', async () => {
    const [card] = await addCards(t.db, team.board.id, team.board.columns[0]!.id, 1, 'Launch page');
    const [devCard] = await addCards(t.db, devTeam.board.id, devTeam.board.columns[4]!.id, 1, 'Landing template');
    expect(
      (
        await call('PATCH', `/cards/${card!.id}`, {
          version: 1,
          description: '**Bold** plan',
          blocked: true,
          blockedReason: 'Waiting on legal',
        })
      ).statusCode,
    ).toBe(200);
    expect((await call('POST', `/cards/${card!.id}/comments`, { body: 'Chased legal today' })).statusCode).toBe(201);
    const list = (await call('POST', `/cards/${card!.id}/checklists`, { title: 'Done means' })).json();
    const item = (await call('POST', `/checklists/${list.id}/items`, { text: 'Proofread' })).json();
    expect((await call('PATCH', `/checklists/items/${item.id}`, { done: true })).json().done).toBe(true);
    const link = await call('POST', `/cards/${card!.id}/links`, { toCardId: devCard!.id, kind: 'DEPENDS_ON' });
    expect(link.statusCode).toBe(201);
    expect(link.json().card).toMatchObject({ teamName: 'Web Development', done: true });

    const detail = cardDetailSchema.parse((await call('GET', `/cards/${card!.id}`)).json());
    expect(detail).toMatchObject({
      description: '**Bold** plan',
      blocked: true,
      blockedReason: 'Waiting on legal',
      version: 2,
    });
    expect(detail.comments.map((c) => [c.body, c.author?.name])).toEqual([['Chased legal today', 'Maya Marketer']]);
    expect(detail.checklists[0]!.items).toMatchObject([{ text: 'Proofread', done: true }]);
    expect(detail.links).toMatchObject([
      { kind: 'DEPENDS_ON', direction: 'outgoing', card: { id: devCard!.id, columnName: 'Done' } },
    ]);
    expect(detail.history.map((h) => h.field ?? h.kind)).toEqual(
      expect.arrayContaining([
        'description',
        'card.blocked',
        'comment.added',
        'checklist.added',
        'checklist.item.added',
        'checklist.item.updated',
        'link.added',
      ]),
    );
    expect(detail.history[0]!.actor?.name).toBe('Maya Marketer');

    // The other card shows the link from its side.
    const other = cardDetailSchema.parse((await call('GET', `/cards/${devCard!.id}`)).json());
    expect(other.links).toMatchObject([{ direction: 'incoming', card: { id: card!.id, teamName: 'Content' } }]);
  });

  it('refuses links to cards the person cannot see, to itself, and twice', async () => {
    const [a, b] = await addCards(t.db, team.board.id, team.board.columns[0]!.id, 2, 'Linking');
    const [secret] = await addCards(t.db, hiddenTeam.board.id, hiddenTeam.board.columns[0]!.id, 1, 'Secret');
    let res = await call('POST', `/cards/${a!.id}/links`, { toCardId: secret!.id, kind: 'RELATES' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.fields[0].field).toBe('body.toCardId');
    res = await call('POST', `/cards/${a!.id}/links`, { toCardId: a!.id, kind: 'RELATES' });
    expect(res.statusCode).toBe(400);
    expect((await call('POST', `/cards/${a!.id}/links`, { toCardId: b!.id, kind: 'BLOCKS' })).statusCode).toBe(201);
    expect((await call('POST', `/cards/${a!.id}/links`, { toCardId: b!.id, kind: 'BLOCKS' })).statusCode).toBe(409);
  });

  it('finds cards for the link picker on every board the person can see, and no others', async () => {
    await addCards(t.db, hiddenTeam.board.id, hiddenTeam.board.columns[0]!.id, 1, 'Findable secret');
    await addCards(t.db, devTeam.board.id, devTeam.board.columns[0]!.id, 1, 'Findable template');
    const found = (await call('GET', '/cards/search?q=findable')).json().cards.map((c: { title: string }) => c.title);
    expect(found).toEqual(['Findable template 1']);
    expect((await call('GET', '/cards/search?q=')).statusCode).toBe(400);
  });
});
