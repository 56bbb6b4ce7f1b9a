import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCards, httpClient } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// A person's WIP limit also holds when they join a card already in progress, and when a card is created in
// progress with them as an owner: a hard limit refuses (409 naming the person), a soft one marks; concurrent
// requests cannot both pass a hard limit, because each locks the person's row before counting.
describe('per-person WIP limits when owners join work in progress', () => {
  let t: TestContext;
  let baseUrl: string;
  let cookie: string;
  let master: Awaited<ReturnType<typeof createUser>>;
  let teamA: Awaited<ReturnType<typeof createTeam>>;
  let teamB: Awaited<ReturnType<typeof createTeam>>;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp();
    master = await createUser(t.db, { name: 'Maya Master' });
    teamA = await createTeam(t.db, [{ userId: master.id, role: 'SCRUM_MASTER' }]);
    teamB = await createTeam(t.db, [{ userId: master.id, role: 'SCRUM_MASTER' }]);
    cookie = await signIn(t.app, master.email);
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  }, 60_000);
  afterAll(() => t.close());

  const column = (team: typeof teamA, flow: 'TODO' | 'IN_PROGRESS') =>
    team.board.columns.find((c) => c.flowCategory === flow)!;
  /** A member of both teams with a limit, owning `owned` cards in progress already. */
  async function person(name: string, wipLimit: number, wipPolicy: 'SOFT' | 'HARD', owned = 0) {
    const user = await createUser(t.db, { name });
    await t.db.user.update({ where: { id: user.id }, data: { wipLimit, wipPolicy } });
    await t.db.membership.createMany({
      data: [teamA, teamB].map((team) => ({ userId: user.id, teamId: team.id, role: 'MEMBER' as const })),
    });
    if (owned) {
      const cards = await addCards(t.db, teamB.board.id, column(teamB, 'IN_PROGRESS').id, owned, `Owned ${n++}`);
      await t.db.cardOwner.createMany({ data: cards.map((c) => ({ cardId: c.id, userId: user.id })) });
    }
    return user;
  }
  const inProgressOwnedBy = (userId: string) =>
    t.db.card.count({
      where: { archivedAt: null, column: { flowCategory: 'IN_PROGRESS' }, owners: { some: { userId } } },
    });
  const create = (columnId: string, ownerIds: string[], title = `Card ${n++}`) =>
    t.app.inject({ method: 'POST', url: '/api/cards', headers: { cookie }, payload: { columnId, title, ownerIds } });
  const setOwners = (card: { id: string; version: number }, ownerIds: string[]) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/cards/${card.id}`,
      headers: { cookie },
      payload: { version: card.version, ownerIds },
    });

  describe('creating a card in progress with owners', () => {
    it('is refused at a person’s hard limit, naming them, and nothing is created', async () => {
      const hana = await person('Hana Hard', 2, 'HARD', 2);
      const refused = await create(column(teamA, 'IN_PROGRESS').id, [hana.id], 'Over the limit');
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: 'WIP_LIMIT_REACHED',
        message: 'Hana Hard is at their hard WIP limit of 2 (they own 2 cards in progress)',
      });
      expect(await t.db.card.count({ where: { title: 'Over the limit' } })).toBe(0);
      // Not in progress, or with room: created.
      const todo = await create(column(teamA, 'TODO').id, [hana.id]);
      expect(todo.statusCode, todo.body).toBe(201);
      expect(todo.json().card.ownerIds).toEqual([hana.id]);
      const entries = await t.db.activity.findMany({ where: { cardId: todo.json().card.id }, orderBy: { id: 'asc' } });
      expect(entries.map((e) => [e.kind, e.field])).toEqual([
        ['card.created', null],
        ['card.updated', 'ownerIds'],
      ]);
    });

    it('is let in over a soft limit and reports the person over it', async () => {
      const sol = await person('Sol Soft', 1, 'SOFT', 1);
      const res = await create(column(teamA, 'IN_PROGRESS').id, [sol.id]);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().overLimit).toEqual([{ scope: 'person', id: sol.id, name: 'Sol Soft', limit: 1, count: 2 }]);
    });

    it('refuses owners who are not members of the team, naming the field', async () => {
      const stranger = await createUser(t.db);
      const res = await create(column(teamA, 'TODO').id, [stranger.id]);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].field).toBe('body.ownerIds');
    });
  });

  describe('adding an owner to a card in progress', () => {
    it('is refused at the person’s hard limit; other owners, cards not in progress and owners already there are fine', async () => {
      const hana = await person('Hana Again', 1, 'HARD', 1);
      const [busy] = await addCards(t.db, teamA.board.id, column(teamA, 'IN_PROGRESS').id, 1, `Busy ${n++}`);
      const refused = await setOwners(busy!, [master.id, hana.id]);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: 'WIP_LIMIT_REACHED',
        message: 'Hana Again is at their hard WIP limit of 1 (they own 1 card in progress)',
      });
      expect(await t.db.cardOwner.count({ where: { cardId: busy!.id } })).toBe(0);
      expect((await t.db.card.findUniqueOrThrow({ where: { id: busy!.id } })).version).toBe(busy!.version);

      const [waiting] = await addCards(t.db, teamA.board.id, column(teamA, 'TODO').id, 1, `Waiting ${n++}`);
      expect((await setOwners(waiting!, [hana.id])).statusCode).toBe(200);
      // One of her cards in progress: keeping her on it while adding someone else does not count her again.
      const [hers] = await t.db.card.findMany({
        where: { owners: { some: { userId: hana.id } }, column: { flowCategory: 'IN_PROGRESS' } },
      });
      const kept = await setOwners(hers!, [hana.id, master.id]);
      expect(kept.statusCode, kept.body).toBe(200);
      expect(kept.json().overLimit).toEqual([]);
    });

    it('is let in over a soft limit and reports the person over it', async () => {
      const sol = await person('Sol Again', 1, 'SOFT', 1);
      const [busy] = await addCards(t.db, teamA.board.id, column(teamA, 'IN_PROGRESS').id, 1, `Busy ${n++}`);
      const res = await setOwners(busy!, [sol.id]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().overLimit).toEqual([{ scope: 'person', id: sol.id, name: 'Sol Again', limit: 1, count: 2 }]);
    });
  });

  it('refuses to restore an archived card in progress for an owner at their hard limit', async () => {
    const hana = await person('Hana Restore', 1, 'HARD', 1);
    const [shelved] = await addCards(t.db, teamA.board.id, column(teamA, 'IN_PROGRESS').id, 1, `Shelved ${n++}`);
    await t.db.cardOwner.create({ data: { cardId: shelved!.id, userId: hana.id } });
    const archived = await t.db.card.update({
      where: { id: shelved!.id },
      data: { archivedAt: new Date(), version: { increment: 1 } },
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${archived.id}/restore`,
      headers: { cookie },
      payload: { version: archived.version },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Hana Restore is at their hard WIP limit of 1 (they own 1 card in progress)');
    expect((await t.db.card.findUniqueOrThrow({ where: { id: archived.id } })).archivedAt).not.toBeNull();
  });

  it('lets exactly as many simultaneous additions and creations through as the person has room for, across boards', async () => {
    const rita = await person('Rita Race', 3, 'HARD', 1);
    // Half the racers add her to a card already in progress, half create a card in progress with her; each in a
    // column of its own, so only her lock can keep them apart.
    const requests: (() => Promise<{ status: number; body: { error?: { code: string } } }>)[] = [];
    for (let i = 0; i < 12; i++) {
      const team = i % 2 ? teamA : teamB;
      const target = await t.db.column.create({
        data: { boardId: team.board.id, name: `Race ${n++}`, position: 100 + n, flowCategory: 'IN_PROGRESS' },
      });
      const client = httpClient(baseUrl, cookie);
      if (i % 3 === 0) {
        requests.push(() =>
          client('POST', '/cards', { columnId: target.id, title: `Racer ${i}`, ownerIds: [rita.id] }),
        );
      } else {
        const [card] = await addCards(t.db, team.board.id, target.id, 1, `Racer ${n++}`);
        requests.push(() => client('PATCH', `/cards/${card!.id}`, { version: card!.version, ownerIds: [rita.id] }));
      }
    }
    const results = await Promise.all(requests.map((r) => r()));
    const odd = results.find((r) => r.status !== 200 && r.status !== 201 && r.status !== 409);
    expect(odd, JSON.stringify(odd?.body)).toBeUndefined();
    expect(results.filter((r) => r.status !== 409)).toHaveLength(2);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error!.code).toBe('WIP_LIMIT_REACHED');
    expect(await inProgressOwnedBy(rita.id)).toBe(3);
  });
});
