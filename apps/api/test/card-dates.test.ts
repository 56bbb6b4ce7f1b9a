import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardDetailSchema } from '@amb/shared/cards';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

describe('a card’s start date', () => {
  let t: TestContext;
  let cookie: string;
  let team: Awaited<ReturnType<typeof createTeam>>;

  beforeAll(async () => {
    t = await startTestApp();
    const marketer = await createUser(t.db, { name: 'Maya Marketer' });
    team = await createTeam(t.db, [{ userId: marketer.id, role: 'MEMBER' }], 'Events');
    cookie = await signIn(t.app, marketer.email);
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: { cookie }, payload });
  const fieldsOf = (res: { json(): { error: { fields?: { field: string }[] } } }) =>
    res.json().error.fields?.map((f) => f.field);

  it('is set when a card is created, and a start after the due date is refused', async () => {
    const columnId = team.board.columns[0]!.id;
    const created = await call('POST', '/cards', {
      columnId,
      title: 'Trade fair',
      startDate: '2026-12-12',
      dueDate: '2026-12-15',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().card).toMatchObject({
      startDate: '2026-12-12T00:00:00.000Z',
      dueDate: '2026-12-15T00:00:00.000Z',
    });
    const detail = cardDetailSchema.parse((await call('GET', `/cards/${created.json().card.id}`)).json());
    expect(detail.startDate).toBe('2026-12-12T00:00:00.000Z');
    expect(detail.history.filter((h) => h.field === 'startDate')).toMatchObject([
      { from: null, to: '2026-12-12T00:00:00.000Z' },
    ]);

    const late = await call('POST', '/cards', {
      columnId,
      title: 'Backwards',
      startDate: '2026-12-16',
      dueDate: '2026-12-15',
    });
    expect(late.statusCode).toBe(400);
    expect(fieldsOf(late)).toEqual(['body.startDate']);
    expect(await t.db.card.count({ where: { title: 'Backwards' } })).toBe(0);
  });

  it('is edited and cleared like the due date, each change in the card’s history', async () => {
    const [card] = await addCards(t.db, team.board.id, team.board.columns[0]!.id, 1, 'Campaign push');
    let res = await call('PATCH', `/cards/${card!.id}`, { version: 1, startDate: '2026-12-12', dueDate: '2026-12-15' });
    expect(res.statusCode).toBe(200);
    expect(res.json().card.startDate).toBe('2026-12-12T00:00:00.000Z');
    res = await call('PATCH', `/cards/${card!.id}`, { version: 2, startDate: '2026-12-14' });
    expect(res.statusCode).toBe(200);
    res = await call('PATCH', `/cards/${card!.id}`, { version: 3, startDate: null });
    expect(res.statusCode).toBe(200);
    expect(res.json().card).toMatchObject({ startDate: null, dueDate: '2026-12-15T00:00:00.000Z' });

    const detail = cardDetailSchema.parse((await call('GET', `/cards/${card!.id}`)).json());
    const starts = detail.history.filter((h) => h.field === 'startDate').map((h) => [h.from, h.to]);
    expect(starts).toEqual(
      expect.arrayContaining([
        [null, '2026-12-12T00:00:00.000Z'],
        ['2026-12-12T00:00:00.000Z', '2026-12-14T00:00:00.000Z'],
        ['2026-12-14T00:00:00.000Z', null],
      ]),
    );
    expect(starts).toHaveLength(3);
  });

  it('refuses a start after the due date, also when only one of the two changes', async () => {
    const [card] = await addCards(t.db, team.board.id, team.board.columns[0]!.id, 1, 'Webinar');
    expect(
      (await call('PATCH', `/cards/${card!.id}`, { version: 1, startDate: '2026-12-12', dueDate: '2026-12-15' }))
        .statusCode,
    ).toBe(200);

    // Only the start moves, past the stored due date.
    let res = await call('PATCH', `/cards/${card!.id}`, { version: 2, startDate: '2026-12-16' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.startDate']);
    // Only the due date moves, before the stored start.
    res = await call('PATCH', `/cards/${card!.id}`, { version: 2, dueDate: '2026-12-10' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.startDate']);
    // Both move together: judged on the new pair.
    res = await call('PATCH', `/cards/${card!.id}`, { version: 2, startDate: '2026-12-01', dueDate: '2026-12-10' });
    expect(res.statusCode).toBe(200);
    // Clearing the due date frees the start.
    res = await call('PATCH', `/cards/${card!.id}`, { version: 3, dueDate: null });
    expect(res.statusCode).toBe(200);
    res = await call('PATCH', `/cards/${card!.id}`, { version: 4, startDate: '2027-01-20' });
    expect(res.statusCode).toBe(200);

    const stored = await t.db.card.findUniqueOrThrow({ where: { id: card!.id } });
    expect(stored.startDate?.toISOString()).toBe('2027-01-20T00:00:00.000Z');
  });

  it('refuses a start that is not a date', async () => {
    const [card] = await addCards(t.db, team.board.id, team.board.columns[0]!.id, 1, 'Odd');
    const res = await call('PATCH', `/cards/${card!.id}`, { version: 1, startDate: 'soon' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.startDate']);
  });
});
