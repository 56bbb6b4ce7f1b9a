import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../src/db/prisma';
import { addCards, httpClient } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// A person's WIP limit counts the open cards they own in in-progress columns on every board. Moving a card into
// work in progress for an owner at a hard limit is refused, at a soft limit marked; under real concurrency a hard
// limit is never overrun.
describe('per-person WIP limits', () => {
  let t: TestContext;
  let baseUrl: string;
  let master: Awaited<ReturnType<typeof createUser>>;
  let member: Awaited<ReturnType<typeof createUser>>;
  let outsider: Awaited<ReturnType<typeof createUser>>;
  let teamA: Awaited<ReturnType<typeof createTeam>>;
  let teamB: Awaited<ReturnType<typeof createTeam>>;
  const cookie = {} as Record<'master' | 'member' | 'outsider', string>;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp();
    master = await createUser(t.db, { name: 'Maya Master' });
    member = await createUser(t.db, { name: 'Sam Rivera' });
    outsider = await createUser(t.db, { name: 'Olga Outside' });
    teamA = await createTeam(t.db, [
      { userId: master.id, role: 'SCRUM_MASTER' },
      { userId: member.id, role: 'MEMBER' },
    ]);
    teamB = await createTeam(t.db, [
      { userId: member.id, role: 'MEMBER' },
      { userId: outsider.id, role: 'MEMBER' },
    ]);
    cookie.master = await signIn(t.app, master.email);
    cookie.member = await signIn(t.app, member.email);
    cookie.outsider = await signIn(t.app, outsider.email);
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  }, 60_000);
  afterAll(() => t.close());

  const inject = (who: keyof typeof cookie, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { cookie: cookie[who] } });
  const column = (team: typeof teamA, flow: 'TODO' | 'IN_PROGRESS' | 'DONE') =>
    team.board.columns.find((c) => c.flowCategory === flow)!;
  /** Cards owned by `userId` in a column, straight into the database. */
  async function ownedCards(team: typeof teamA, columnId: string, count: number, userId: string) {
    const cards = await addCards(t.db, team.board.id, columnId, count, `Owned ${n++}`);
    await t.db.cardOwner.createMany({ data: cards.map((c) => ({ cardId: c.id, userId })) });
    return cards;
  }
  const setLimit = (userId: string, wipLimit: number | null, wipPolicy: 'SOFT' | 'HARD') =>
    t.db.user.update({ where: { id: userId }, data: { wipLimit, wipPolicy } });
  const clearInProgress = (userId: string) =>
    t.db.cardOwner.deleteMany({ where: { userId, card: { column: { flowCategory: 'IN_PROGRESS' } } } });

  describe('setting a limit', () => {
    it('lets a person set their own and records it in the log', async () => {
      const res = await inject('member', 'PUT', `/api/users/${member.id}/wip-limit`, {
        wipLimit: 3,
        wipPolicy: 'HARD',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ userId: member.id, name: 'Sam Rivera', wipLimit: 3, wipPolicy: 'HARD' });
      const entry = await t.db.activity.findFirstOrThrow({
        where: { kind: 'user.wip-limit.changed' },
        orderBy: { id: 'desc' },
      });
      expect(entry).toMatchObject({ actorId: member.id, to: { userId: member.id, wipLimit: 3, wipPolicy: 'HARD' } });
    });

    it('lets a scrum master of their team set it, and nobody else on it', async () => {
      expect(
        (await inject('master', 'PUT', `/api/users/${member.id}/wip-limit`, { wipLimit: 4, wipPolicy: 'SOFT' }))
          .statusCode,
      ).toBe(200);
      // A fellow member of team B may not; a person on no shared team does not learn the person exists.
      const peer = await inject('outsider', 'PUT', `/api/users/${member.id}/wip-limit`, {
        wipLimit: 9,
        wipPolicy: 'SOFT',
      });
      expect(peer.statusCode).toBe(403);
      expect(
        (await inject('outsider', 'PUT', `/api/users/${master.id}/wip-limit`, { wipLimit: 9, wipPolicy: 'SOFT' }))
          .statusCode,
      ).toBe(404);
      expect((await t.db.user.findUniqueOrThrow({ where: { id: member.id } })).wipLimit).toBe(4);
    });

    it('refuses a limit that is not a whole number from 1, naming the field', async () => {
      for (const wipLimit of [0, 2.5, 'three', 100]) {
        const res = await inject('member', 'PUT', `/api/users/${member.id}/wip-limit`, { wipLimit, wipPolicy: 'HARD' });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.fields[0].field).toBe('body.wipLimit');
      }
      const res = await inject('member', 'PUT', `/api/users/${member.id}/wip-limit`, {
        wipLimit: 2,
        wipPolicy: 'STRICT',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].field).toBe('body.wipPolicy');
    });
  });

  describe('moving cards', () => {
    it('refuses, at a hard limit, a card entering work in progress, counting every board', async () => {
      const person = await createUser(t.db, { name: 'Hana Hard' });
      await t.db.membership.createMany({
        data: [
          { userId: person.id, teamId: teamA.id, role: 'MEMBER' },
          { userId: person.id, teamId: teamB.id, role: 'MEMBER' },
        ],
      });
      await setLimit(person.id, 2, 'HARD');
      await ownedCards(teamA, column(teamA, 'IN_PROGRESS').id, 1, person.id);
      await ownedCards(teamB, column(teamB, 'IN_PROGRESS').id, 1, person.id);
      const [next] = await ownedCards(teamA, column(teamA, 'TODO').id, 1, person.id);

      const refused = await inject('master', 'POST', `/api/cards/${next!.id}/move`, {
        columnId: column(teamA, 'IN_PROGRESS').id,
        afterCardId: null,
        version: next!.version,
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: 'WIP_LIMIT_REACHED',
        message: 'Hana Hard is at their hard WIP limit of 2 (they own 2 cards in progress)',
      });
      expect((await t.db.card.findUniqueOrThrow({ where: { id: next!.id } })).columnId).toBe(column(teamA, 'TODO').id);

      // Moving elsewhere is fine, and so is moving within work in progress.
      const done = await inject('master', 'POST', `/api/cards/${next!.id}/move`, {
        columnId: column(teamA, 'DONE').id,
        afterCardId: null,
        version: next!.version,
      });
      expect(done.statusCode, done.body).toBe(200);
      const review = teamA.board.columns.filter((c) => c.flowCategory === 'IN_PROGRESS');
      if (review.length > 1) {
        const [busy] = await t.db.card.findMany({
          where: { columnId: review[0]!.id, owners: { some: { userId: person.id } } },
        });
        const within = await inject('master', 'POST', `/api/cards/${busy!.id}/move`, {
          columnId: review[1]!.id,
          afterCardId: null,
          version: busy!.version,
        });
        expect(within.statusCode, within.body).toBe(200);
      }

      // When one card leaves work in progress, the next may enter.
      const archived = await t.db.card.findFirstOrThrow({
        where: { boardId: teamB.board.id, owners: { some: { userId: person.id } } },
      });
      await t.db.card.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
      const [later] = await ownedCards(teamA, column(teamA, 'TODO').id, 1, person.id);
      const admitted = await inject('master', 'POST', `/api/cards/${later!.id}/move`, {
        columnId: column(teamA, 'IN_PROGRESS').id,
        afterCardId: null,
        version: later!.version,
      });
      expect(admitted.statusCode, admitted.body).toBe(200);
    });

    it('lets a card in over a soft limit and reports the person over it', async () => {
      const person = await createUser(t.db, { name: 'Sol Soft' });
      await setLimit(person.id, 1, 'SOFT');
      await ownedCards(teamA, column(teamA, 'IN_PROGRESS').id, 1, person.id);
      const [next] = await ownedCards(teamA, column(teamA, 'TODO').id, 1, person.id);
      const res = await inject('member', 'POST', `/api/cards/${next!.id}/move`, {
        columnId: column(teamA, 'IN_PROGRESS').id,
        afterCardId: null,
        version: next!.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().overLimit).toEqual([{ scope: 'person', id: person.id, name: 'Sol Soft', limit: 1, count: 2 }]);
    });

    it('shows each person’s count against their limit for a board', async () => {
      await clearInProgress(member.id);
      await setLimit(member.id, 3, 'HARD');
      await ownedCards(teamA, column(teamA, 'IN_PROGRESS').id, 1, member.id);
      await ownedCards(teamB, column(teamB, 'IN_PROGRESS').id, 1, member.id);
      await ownedCards(teamA, column(teamA, 'TODO').id, 1, member.id);
      const res = await inject('master', 'GET', `/api/boards/${teamA.board.id}/people-wip`);
      expect(res.statusCode).toBe(200);
      const people = res.json().people as { userId: string; count: number; wipLimit: number | null }[];
      expect(people.find((p) => p.userId === member.id)).toMatchObject({
        count: 2,
        wipLimit: 3,
        wipPolicy: 'HARD',
        name: 'Sam Rivera',
      });
      expect(people.find((p) => p.userId === master.id)).toMatchObject({ count: 0, wipLimit: null });
      expect((await inject('outsider', 'GET', `/api/boards/${teamA.board.id}/people-wip`)).statusCode).toBe(404);
    });
  });

  it('lets exactly as many simultaneous moves through as the person has room for, across boards and columns', async () => {
    const person = await createUser(t.db, { name: 'Rita Race' });
    await setLimit(person.id, 3, 'HARD');
    await ownedCards(teamA, column(teamA, 'IN_PROGRESS').id, 1, person.id);
    // Each racing card goes to a column of its own, so only the person's lock can keep them apart.
    const racers: { cardId: string; version: number; columnId: string; cookie: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const team = i % 2 ? teamA : teamB;
      const target = await t.db.column.create({
        data: { boardId: team.board.id, name: `Race ${n++}`, position: 100 + n, flowCategory: 'IN_PROGRESS' },
      });
      const [card] = await ownedCards(team, column(team, 'TODO').id, 1, person.id);
      racers.push({ cardId: card!.id, version: card!.version, columnId: target.id, cookie: cookie.member });
    }
    const results = await Promise.all(
      racers.map((r) =>
        httpClient(baseUrl, r.cookie)('POST', `/cards/${r.cardId}/move`, {
          columnId: r.columnId,
          afterCardId: null,
          version: r.version,
        }),
      ),
    );
    const odd = results.find((r) => r.status !== 200 && r.status !== 409);
    expect(odd, JSON.stringify(odd?.body)).toBeUndefined();
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error.code).toBe('WIP_LIMIT_REACHED');
    const inProgress = await t.db.card.count({
      where: { archivedAt: null, column: { flowCategory: 'IN_PROGRESS' }, owners: { some: { userId: person.id } } },
    });
    expect(inProgress).toBe(3);
  });

  describe('the move_card function’s guard', () => {
    it('answers "changed" when an owner’s limit or count is not what the move was decided on', async () => {
      const person = await createUser(t.db, { name: 'Gus Guard' });
      await setLimit(person.id, 2, 'HARD');
      await ownedCards(teamA, column(teamA, 'IN_PROGRESS').id, 1, person.id);
      const [card] = await ownedCards(teamA, column(teamA, 'TODO').id, 1, person.id);
      const target = column(teamA, 'IN_PROGRESS');
      const call = async (owners: object[]) => {
        const expect0 = {
          flowCategory: 'IN_PROGRESS',
          columnLimit: target.wipLimit,
          columnPolicy: target.wipPolicy,
          laneLimit: null,
          lanePolicy: null,
          columnCount: null,
          laneCount: null,
          afterCardId: null,
          above: null,
          rankEpoch: 0,
          owners,
        };
        const place = { columnId: target.id, swimlaneId: null, rank: `0${n++}`, startedAt: null, completedAt: null };
        const entry = {
          actorId: master.id,
          teamId: teamA.id,
          kind: 'card.moved',
          from: { columnId: card!.columnId, swimlaneId: null, flowCategory: 'TODO' },
          to: { columnId: target.id, swimlaneId: null, flowCategory: 'IN_PROGRESS' },
        };
        const [row] = await sql<{ status: string }>(
          t.db,
          'test-move-card-owners',
          'SELECT status FROM move_card($1, $2, $3::jsonb, $4::jsonb, $5::jsonb)',
          [card!.id, card!.version, JSON.stringify(place), JSON.stringify(expect0), JSON.stringify(entry)],
        );
        return row!.status;
      };
      const seen = { userId: person.id, limit: 2, policy: 'HARD', count: 1 };
      await t.db.column.update({ where: { id: target.id }, data: { rankEpoch: 0 } });
      // More cards in progress than were counted, a limit or policy that changed, an owner who was not seen.
      expect(await call([{ ...seen, count: 0 }])).toBe('changed');
      expect(await call([{ ...seen, limit: 3 }])).toBe('changed');
      expect(await call([{ ...seen, policy: 'SOFT' }])).toBe('changed');
      expect(await call([])).toBe('changed');
      expect((await t.db.card.findUniqueOrThrow({ where: { id: card!.id } })).columnId).toBe(card!.columnId);
      expect(await call([seen])).toBe('moved');
    });
  });
});
