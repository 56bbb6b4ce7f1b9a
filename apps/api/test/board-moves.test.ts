import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardViewSchema } from '@amb/shared/boards';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

describe('moving cards', () => {
  let t: TestContext;
  let cookie: string;
  let viewerCookie: string;
  let outsiderCookie: string;
  let team: Awaited<ReturnType<typeof createTeam>>;
  const col = (name: string) => team.board.columns.find((c) => c.name === name)!;

  beforeAll(async () => {
    t = await startTestApp();
    const marketer = await createUser(t.db);
    const viewer = await createUser(t.db);
    const outsider = await createUser(t.db);
    team = await createTeam(t.db, [
      { userId: marketer.id, role: 'MEMBER' },
      { userId: viewer.id, role: 'VIEWER' },
    ]);
    await createTeam(t.db, [{ userId: outsider.id, role: 'SCRUM_MASTER' }]);
    cookie = await signIn(t.app, marketer.email);
    viewerCookie = await signIn(t.app, viewer.email);
    outsiderCookie = await signIn(t.app, outsider.email);
  });
  afterAll(() => t.close());

  const move = (cardId: string, body: object, as = cookie) =>
    t.app.inject({ method: 'POST', url: `/api/cards/${cardId}/move`, headers: { cookie: as }, payload: body });

  it('moves a card to another column after a given card, bumps its version and records history', async () => {
    const [a] = await addCards(t.db, team.board.id, col('Backlog').id, 1, 'Move me');
    const targets = await addCards(t.db, team.board.id, col('To do').id, 2, 'Target');
    const res = await move(a!.id, { columnId: col('To do').id, afterCardId: targets[0]!.id, version: 1 });
    expect(res.statusCode).toBe(200);
    const { card } = res.json();
    expect(card.columnId).toBe(col('To do').id);
    expect(card.version).toBe(2);
    expect(card.rank > targets[0]!.rank && card.rank < targets[1]!.rank).toBe(true);
    const history = await t.db.activity.findMany({ where: { cardId: a!.id, kind: 'card.moved' } });
    expect(history).toHaveLength(1);
    expect(history[0]!.to).toMatchObject({ columnId: col('To do').id, flowCategory: 'TODO' });
  });

  it('serves the board exactly as its contract says, cards in rank order with owners and principles', async () => {
    const [a, b] = await addCards(t.db, team.board.id, col('Review').id, 2, 'Contract');
    const principle = await t.db.principle.findFirstOrThrow();
    const owner = await t.db.membership.findFirstOrThrow({ where: { teamId: team.id } });
    await t.db.card.update({
      where: { id: a!.id },
      data: {
        dueDate: new Date('2026-12-01T00:00:00Z'),
        labels: ['seo'],
        owners: { create: { userId: owner.userId } },
        principles: { create: { principleId: principle.id } },
      },
    });
    const res = await t.app.inject({ method: 'GET', url: `/api/boards/${team.board.id}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const view = boardViewSchema.parse(res.json());
    const review = view.cards.filter((c) => c.columnId === col('Review').id);
    expect(review.map((c) => c.id)).toEqual([a!.id, b!.id]);
    expect(review[0]).toMatchObject({
      dueDate: '2026-12-01T00:00:00.000Z',
      labels: ['seo'],
      ownerIds: [owner.userId],
      principleIds: [principle.id],
      version: 1,
      blockedSince: null,
    });
  });

  it('sets the start and completion times as the card flows', async () => {
    const [a] = await addCards(t.db, team.board.id, col('Backlog').id, 1, 'Flow');
    let res = await move(a!.id, { columnId: col('In progress').id, afterCardId: null, version: 1 });
    expect(res.json().card.version).toBe(2);
    res = await move(a!.id, { columnId: col('Done').id, afterCardId: null, version: 2 });
    expect(res.statusCode).toBe(200);
    const saved = await t.db.card.findUniqueOrThrow({ where: { id: a!.id } });
    expect(saved.startedAt).not.toBeNull();
    expect(saved.completedAt).not.toBeNull();
  });

  it('refuses a stale version with 409 and the current card', async () => {
    const [a] = await addCards(t.db, team.board.id, col('Backlog').id, 1, 'Stale');
    expect((await move(a!.id, { columnId: col('To do').id, afterCardId: null, version: 1 })).statusCode).toBe(200);
    const res = await move(a!.id, { columnId: col('Backlog').id, afterCardId: null, version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('STALE_VERSION');
    expect(res.json().error.details.card).toMatchObject({ id: a!.id, version: 2, columnId: col('To do').id });
  });

  it('refuses a move into a full hard-limited column, saying which limit and how many cards', async () => {
    const column = await t.db.column.create({
      data: {
        boardId: team.board.id,
        name: 'Legal review',
        position: 9,
        wipLimit: 2,
        wipPolicy: 'HARD',
        flowCategory: 'IN_PROGRESS',
      },
    });
    await addCards(t.db, team.board.id, column.id, 2, 'In legal');
    const [a] = await addCards(t.db, team.board.id, col('Backlog').id, 1, 'Waiting');
    const res = await move(a!.id, { columnId: column.id, afterCardId: null, version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'WIP_LIMIT_REACHED',
      message: 'Column "Legal review" is at its hard WIP limit of 2 (it holds 2 cards)',
    });
    expect(res.json().error.details).toMatchObject({ scope: 'column', limit: 2 });
    // Reordering inside the full column is still allowed.
    const inside = await t.db.card.findMany({ where: { columnId: column.id }, orderBy: { rank: 'asc' } });
    expect((await move(inside[1]!.id, { columnId: column.id, afterCardId: null, version: 1 })).statusCode).toBe(200);
  });

  it('lets a card over a soft limit and records the breach with its start and end', async () => {
    const column = await t.db.column.create({
      data: {
        boardId: team.board.id,
        name: 'Design',
        position: 10,
        wipLimit: 1,
        wipPolicy: 'SOFT',
        flowCategory: 'IN_PROGRESS',
      },
    });
    const [first] = await addCards(t.db, team.board.id, column.id, 1, 'Designing');
    const [a] = await addCards(t.db, team.board.id, col('Backlog').id, 1, 'Also design');
    const res = await move(a!.id, { columnId: column.id, afterCardId: first!.id, version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json().overLimit).toEqual([{ scope: 'column', id: column.id, name: 'Design', limit: 1, count: 2 }]);
    let breaches = await t.db.wipBreach.findMany({ where: { columnId: column.id } });
    expect(breaches).toHaveLength(1);
    expect(breaches[0]!.endedAt).toBeNull();
    expect(
      await t.db.activity.count({ where: { kind: 'wip.breach.started', boardId: team.board.id } }),
    ).toBeGreaterThan(0);

    expect((await move(a!.id, { columnId: col('Backlog').id, afterCardId: null, version: 2 })).statusCode).toBe(200);
    breaches = await t.db.wipBreach.findMany({ where: { columnId: column.id } });
    expect(breaches[0]!.endedAt).not.toBeNull();
    expect(await t.db.activity.count({ where: { kind: 'wip.breach.ended', boardId: team.board.id } })).toBeGreaterThan(
      0,
    );
  });

  it('ends a breach when archiving brings the column back within its limit', async () => {
    const column = await t.db.column.create({
      data: {
        boardId: team.board.id,
        name: 'Review',
        position: 11,
        wipLimit: 1,
        wipPolicy: 'SOFT',
        flowCategory: 'IN_PROGRESS',
      },
    });
    const [first] = await addCards(t.db, team.board.id, column.id, 1, 'Reviewing');
    const [a] = await addCards(t.db, team.board.id, col('Backlog').id, 1, 'Also review');
    expect((await move(a!.id, { columnId: column.id, afterCardId: first!.id, version: 1 })).statusCode).toBe(200);
    expect(await t.db.wipBreach.count({ where: { columnId: column.id, endedAt: null } })).toBe(1);
    const archived = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${a!.id}/archive`,
      headers: { cookie },
      payload: { version: 2 },
    });
    expect(archived.statusCode).toBe(200);
    expect(await t.db.wipBreach.count({ where: { columnId: column.id, endedAt: null } })).toBe(0);
  });

  it('ends a breach when several cards leave the column at once', async () => {
    const column = await t.db.column.create({
      data: {
        boardId: team.board.id,
        name: 'Proofing',
        position: 12,
        wipLimit: 2,
        wipPolicy: 'SOFT',
        flowCategory: 'IN_PROGRESS',
      },
    });
    const cards = await addCards(t.db, team.board.id, column.id, 2, 'Proofing');
    const extra = await addCards(t.db, team.board.id, col('Backlog').id, 3, 'More proofing');
    for (const card of extra)
      expect((await move(card.id, { columnId: column.id, afterCardId: cards[0]!.id, version: 1 })).statusCode).toBe(
        200,
      );
    expect(await t.db.wipBreach.count({ where: { columnId: column.id, endedAt: null } })).toBe(1);
    // Three leave together: whichever way their writes interleave, the column ends at its limit and the breach ends.
    const left = await Promise.all(
      extra.map((card) => move(card.id, { columnId: col('Backlog').id, afterCardId: null, version: 2 })),
    );
    expect(left.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(await t.db.wipBreach.count({ where: { columnId: column.id, endedAt: null } })).toBe(0);
  });

  it('enforces a hard swimlane limit across columns', async () => {
    const lane = await t.db.swimlane.create({
      data: { boardId: team.board.id, name: 'Expedite', position: 0, wipLimit: 1, wipPolicy: 'HARD' },
    });
    const cards = await addCards(t.db, team.board.id, col('Backlog').id, 2, 'Urgent');
    const entered = await move(cards[0]!.id, {
      columnId: col('To do').id,
      swimlaneId: lane.id,
      afterCardId: null,
      version: 1,
    });
    expect(entered.statusCode, entered.body).toBe(200);
    const res = await move(cards[1]!.id, {
      columnId: col('In progress').id,
      swimlaneId: lane.id,
      afterCardId: null,
      version: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('Swimlane "Expedite"');
    // Into the lane's backlog is fine: the backlog does not count toward a lane's limit.
    expect(
      (await move(cards[1]!.id, { columnId: col('Backlog').id, swimlaneId: lane.id, afterCardId: null, version: 1 }))
        .statusCode,
    ).toBe(200);
  });

  it('names the field when the body is wrong', async () => {
    const [a] = await addCards(t.db, team.board.id, col('Backlog').id, 1, 'Bad input');
    let res = await move(a!.id, { columnId: 'nope', afterCardId: null, version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain('body.columnId');
    res = await move(a!.id, { columnId: col('To do').id, afterCardId: a!.id, version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('body.afterCardId');
    const elsewhere = await createTeam(t.db, []);
    res = await move(a!.id, { columnId: elsewhere.board.columns[0]!.id, afterCardId: null, version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('body.columnId');
    res = await move(a!.id, { columnId: col('To do').id, version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain('body.afterCardId');
  });

  it('lets a viewer read but not move, and hides another team’s cards', async () => {
    const [a] = await addCards(t.db, team.board.id, col('Backlog').id, 1, 'Guarded');
    expect(
      (await move(a!.id, { columnId: col('To do').id, afterCardId: null, version: 1 }, viewerCookie)).statusCode,
    ).toBe(403);
    expect(
      (await move(a!.id, { columnId: col('To do').id, afterCardId: null, version: 1 }, outsiderCookie)).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/cards/${a!.id}/move`,
          payload: { columnId: col('To do').id, afterCardId: null, version: 1 },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('re-spreads a column whose ranks grew long, keeping the order', async () => {
    const column = await t.db.column.create({
      data: { boardId: team.board.id, name: 'Squeeze', position: 11, flowCategory: 'TODO' },
    });
    const [top, bottom] = await addCards(t.db, team.board.id, column.id, 2, 'Edge');
    const order = [top!.id];
    // Every card goes right below the top card, the worst case for rank length.
    for (let i = 0; i < 300; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/cards',
        headers: { cookie },
        payload: { columnId: column.id, title: `Squeezed ${i}`, position: 'bottom' },
      });
      const id = res.json().card.id as string;
      expect((await move(id, { columnId: column.id, afterCardId: top!.id, version: 1 })).statusCode).toBe(200);
      order.splice(1, 0, id);
    }
    order.push(bottom!.id);
    const cards = await t.db.card.findMany({ where: { columnId: column.id }, orderBy: { rank: 'asc' } });
    expect(cards.map((c) => c.id)).toEqual(order);
    expect(new Set(cards.map((c) => c.rank)).size).toBe(cards.length);
    expect(Math.max(...cards.map((c) => c.rank.length))).toBeLessThanOrEqual(41);
    expect(await t.db.activity.count({ where: { kind: 'column.reranked' } })).toBeGreaterThan(0);
  });
});
