import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardLimits, COMMENTS_PAGE } from '@amb/domain/card-limits';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ WRITE_RATE_LIMIT: '100000', SEARCH_RATE_LIMIT: '100000' });
});
afterAll(async () => t.close());

async function memberWithCard(ctx: TestContext = t) {
  const user = await createUser(ctx.db);
  const team = await createTeam(ctx.db, [{ userId: user.id, role: 'MEMBER' }]);
  const [card] = await addCards(ctx.db, team.board.id, team.board.columns[0]!.id, 1, 'Newsletter');
  return { user, team, card: card!, cookie: await signIn(ctx.app, user.email) };
}

describe('rate limits per signed-in person', () => {
  it('limits a person’s writes whatever address they come from, leaving reads and other people alone', async () => {
    const limited = await startTestApp({ WRITE_RATE_LIMIT: '3' });
    try {
      const a = await memberWithCard(limited);
      const b = await memberWithCard(limited);
      const comment = (who: typeof a, remoteAddress: string) =>
        limited.app.inject({
          method: 'POST',
          url: `/api/cards/${who.card.id}/comments`,
          headers: { cookie: who.cookie },
          remoteAddress,
          payload: { body: 'Hello' },
        });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await comment(a, `198.51.100.${i + 1}`)).statusCode);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      const refused = await comment(a, '198.51.100.9');
      expect(refused.json().error.code).toBe('RATE_LIMITED');
      expect((await comment(b, '198.51.100.1')).statusCode).toBe(201);
      expect(
        (await limited.app.inject({ method: 'GET', url: `/api/cards/${a.card.id}`, headers: { cookie: a.cookie } }))
          .statusCode,
      ).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('limits a person’s searches', async () => {
    const limited = await startTestApp({ SEARCH_RATE_LIMIT: '2' });
    try {
      const a = await memberWithCard(limited);
      const search = () =>
        limited.app.inject({ method: 'GET', url: '/api/cards/search?q=news', headers: { cookie: a.cookie } });
      expect([(await search()).statusCode, (await search()).statusCode, (await search()).statusCode]).toEqual([
        200, 200, 429,
      ]);
    } finally {
      await limited.close();
    }
  });
});

describe('search', () => {
  it('needs at least two characters, naming the field', async () => {
    const { cookie } = await memberWithCard();
    const res = await t.app.inject({ method: 'GET', url: '/api/cards/search?q=%20a%20', headers: { cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'querystring.q', message: 'must be at least 2 characters' }]);
  });

  it('takes % and _ literally', async () => {
    const { team, cookie } = await memberWithCard();
    const column = team.board.columns[0]!.id;
    await t.db.card.createMany({
      data: [
        { boardId: team.board.id, columnId: column, rank: 'b', title: 'Spring sale: 20% off' },
        { boardId: team.board.id, columnId: column, rank: 'c', title: 'Spring sale: 200 coupons' },
        { boardId: team.board.id, columnId: column, rank: 'd', title: 'utm_source audit' },
        { boardId: team.board.id, columnId: column, rank: 'e', title: 'utmXsource audit' },
      ],
    });
    const titles = async (q: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/cards/search?q=${encodeURIComponent(q)}`, headers: { cookie } }))
        .json()
        .cards.map((c: { title: string }) => c.title)
        .sort();
    expect(await titles('20%')).toEqual(['Spring sale: 20% off']);
    expect(await titles('%%')).toEqual([]);
    expect(await titles('utm_s')).toEqual(['utm_source audit']);
    expect(await titles('__')).toEqual([]);
  });
});

describe('what one card may hold', () => {
  it(`refuses comment ${cardLimits.comments + 1} with 409 LIMIT_REACHED`, async () => {
    const { user, card, cookie } = await memberWithCard();
    await t.db.comment.createMany({
      data: Array.from({ length: cardLimits.comments }, (_, i) => ({
        cardId: card.id,
        authorId: user.id,
        body: `Comment ${i}`,
      })),
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${card.id}/comments`,
      headers: { cookie },
      payload: { body: 'One more' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'LIMIT_REACHED',
      message: expect.stringMatching(/the most a card may hold/),
    });
    expect(await t.db.comment.count({ where: { cardId: card.id } })).toBe(cardLimits.comments);
  });

  it(`refuses checklist item ${cardLimits.checklistItems + 1}, counting every checklist of the card`, async () => {
    const { card, cookie } = await memberWithCard();
    const [first, second] = await Promise.all([
      t.db.checklist.create({ data: { cardId: card.id, title: 'One', position: 0 } }),
      t.db.checklist.create({ data: { cardId: card.id, title: 'Two', position: 1 } }),
    ]);
    const half = cardLimits.checklistItems / 2;
    await t.db.checklistItem.createMany({
      data: Array.from({ length: cardLimits.checklistItems }, (_, i) => ({
        checklistId: i < half ? first.id : second.id,
        text: `Item ${i}`,
        position: i,
      })),
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/checklists/${second.id}/items`,
      headers: { cookie },
      payload: { text: 'One more' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('LIMIT_REACHED');
  });

  it(`refuses link ${cardLimits.links + 1} on either card`, async () => {
    const { team, card, user, cookie } = await memberWithCard();
    const others = await addCards(t.db, team.board.id, team.board.columns[1]!.id, cardLimits.links + 1, 'Linked');
    await t.db.cardLink.createMany({
      data: others
        .slice(0, cardLimits.links)
        .map((o) => ({ fromCardId: card.id, toCardId: o.id, kind: 'RELATES' as const, createdById: user.id })),
    });
    const full = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${card.id}/links`,
      headers: { cookie },
      payload: { toCardId: others.at(-1)!.id, kind: 'RELATES' },
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('LIMIT_REACHED');
    // From the other side too: the full card is the target.
    const toFull = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${others.at(-1)!.id}/links`,
      headers: { cookie },
      payload: { toCardId: card.id, kind: 'BLOCKS' },
    });
    expect(toFull.statusCode).toBe(409);
  });
});

describe('comments page by page', () => {
  it('shows the newest comments on the card and pages through the older ones, oldest first', async () => {
    const { user, card, cookie } = await memberWithCard();
    const total = COMMENTS_PAGE * 2 + 20;
    const start = Date.now() - total * 1000;
    await t.db.comment.createMany({
      data: Array.from({ length: total }, (_, i) => ({
        cardId: card.id,
        authorId: user.id,
        body: `Comment ${i + 1}`,
        createdAt: new Date(start + i * 1000),
      })),
    });
    const detail = (await t.app.inject({ method: 'GET', url: `/api/cards/${card.id}`, headers: { cookie } })).json();
    expect(detail.comments).toHaveLength(COMMENTS_PAGE);
    expect(detail.comments[0].body).toBe(`Comment ${total - COMMENTS_PAGE + 1}`);
    expect(detail.comments.at(-1).body).toBe(`Comment ${total}`);
    expect(detail.hasOlderComments).toBe(true);

    const seen = detail.comments.map((c: { body: string }) => c.body);
    let before = detail.comments[0].id;
    for (let pages = 0; ; pages++) {
      const page = (
        await t.app.inject({
          method: 'GET',
          url: `/api/cards/${card.id}/comments?before=${before}`,
          headers: { cookie },
        })
      ).json();
      seen.unshift(...page.comments.map((c: { body: string }) => c.body));
      if (!page.hasOlder) break;
      before = page.comments[0].id;
      expect(pages).toBeLessThan(total);
    }
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => `Comment ${i + 1}`));
  });

  it('refuses a `before` that is not a comment of the card', async () => {
    const a = await memberWithCard();
    const b = await memberWithCard();
    const [other] = await Promise.all([
      t.db.comment.create({ data: { cardId: b.card.id, authorId: b.user.id, body: 'Elsewhere' } }),
    ]);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/cards/${a.card.id}/comments?before=${other!.id}`,
      headers: { cookie: a.cookie },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('querystring.before');
  });
});
