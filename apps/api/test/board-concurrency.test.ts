import { activityKinds } from '@amb/shared/activity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCards, httpClient } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// Real concurrency: the app listens on a port and many signed-in clients call it over HTTP at once,
// so their transactions overlap in the database.
describe('moves under concurrency', () => {
  let t: TestContext;
  let baseUrl: string;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let cookies: string[];

  beforeAll(async () => {
    t = await startTestApp();
    const people = await Promise.all(Array.from({ length: 50 }, () => createUser(t.db)));
    team = await createTeam(
      t.db,
      people.map((p) => ({ userId: p.id, role: 'MEMBER' as const })),
    );
    cookies = [];
    for (const p of people) cookies.push(await signIn(t.app, p.email));
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  }, 120_000);
  afterAll(() => t.close());

  it('lets exactly 3 of 20 simultaneous moves into a column with 3 free places', async () => {
    const column = await t.db.column.create({
      data: {
        boardId: team.board.id,
        name: 'Approval',
        position: 20,
        wipLimit: 5,
        wipPolicy: 'HARD',
        flowCategory: 'IN_PROGRESS',
      },
    });
    await addCards(t.db, team.board.id, column.id, 2, 'Already approving');
    const backlog = team.board.columns.find((c) => c.flowCategory === 'BACKLOG')!;
    const movers = await addCards(t.db, team.board.id, backlog.id, 20, 'Racing');
    const results = await Promise.all(
      movers.map((card, i) =>
        httpClient(baseUrl, cookies[i]!)('POST', `/cards/${card.id}/move`, {
          columnId: column.id,
          afterCardId: null,
          version: card.version,
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 200);
    const odd = results.find((r) => r.status !== 200 && r.status !== 409);
    expect(odd, JSON.stringify(odd?.body)).toBeUndefined();
    const refused = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(3);
    expect(refused).toHaveLength(17);
    for (const r of refused) {
      expect(r.body.error.code).toBe('WIP_LIMIT_REACHED');
      expect(r.body.error.message).toBe('Column "Approval" is at its hard WIP limit of 5 (it holds 5 cards)');
    }
    expect(await t.db.card.count({ where: { columnId: column.id, archivedAt: null } })).toBe(5);
  });

  it('keeps every card once, ranks unique and hard limits whole through 1,000 random moves from 50 clients', async () => {
    const board = await t.db.board.create({
      data: {
        teamId: team.id,
        name: 'Stress board',
        columns: {
          create: [
            { name: 'Ideas', position: 0, flowCategory: 'BACKLOG' },
            { name: 'Ready', position: 1, flowCategory: 'TODO', wipLimit: 8, wipPolicy: 'HARD' },
            { name: 'Doing', position: 2, flowCategory: 'IN_PROGRESS', wipLimit: 4, wipPolicy: 'HARD' },
            { name: 'Checking', position: 3, flowCategory: 'IN_PROGRESS', wipLimit: 3, wipPolicy: 'SOFT' },
            { name: 'Done', position: 4, flowCategory: 'DONE' },
          ],
        },
        swimlanes: { create: [{ name: 'Expedite', position: 0, wipLimit: 2, wipPolicy: 'HARD' }] },
      },
      include: { columns: { orderBy: { position: 'asc' } }, swimlanes: true },
    });
    const lane = board.swimlanes[0]!;
    const cards = await addCards(t.db, board.id, board.columns[0]!.id, 40, 'Stress');
    const versions = new Map(cards.map((c) => [c.id, c.version]));
    const ids = cards.map((c) => c.id);
    let seed = 42;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
    const statuses = new Map<number, number>();
    const hardLimits = new Map(board.columns.filter((c) => c.wipPolicy === 'HARD').map((c) => [c.id, c.wipLimit!]));

    // Answers for one card can arrive out of order across clients; versions only grow, so keep the newest seen.
    const saw = (cardId: string, version: number) => versions.set(cardId, Math.max(versions.get(cardId) ?? 0, version));
    let remaining = 1000;
    const client = async (cookie: string) => {
      const call = httpClient(baseUrl, cookie);
      while (remaining-- > 0) {
        const cardId = pick(ids);
        const column = pick(board.columns);
        const after = random() < 0.3 ? null : pick(ids);
        const res = await call('POST', `/cards/${cardId}/move`, {
          columnId: column.id,
          swimlaneId: random() < 0.2 ? lane.id : null,
          afterCardId: after === cardId ? null : after,
          version: versions.get(cardId),
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 200) {
          saw(cardId, res.body.card.version);
          for (const over of res.body.overLimit as { id: string; count: number }[]) {
            const hard = hardLimits.get(over.id);
            if (hard !== undefined) expect(over.count).toBeLessThanOrEqual(hard);
          }
        } else if (res.status === 409 && res.body.error.code === 'STALE_VERSION') {
          saw(cardId, res.body.error.details.card.version);
        } else {
          // The only other answers allowed: a refused hard limit, or a neighbour that is not in that column.
          expect([409, 400]).toContain(res.status);
          if (res.status === 409) expect(res.body.error.code).toBe('WIP_LIMIT_REACHED');
          if (res.status === 400) expect(res.body.error.fields[0].field).toBe('body.afterCardId');
        }
      }
    };
    await Promise.all(cookies.map((cookie) => client(cookie)));

    expect([...statuses.keys()].every((s) => [200, 400, 409].includes(s))).toBe(true);
    expect(statuses.get(200)).toBeGreaterThan(100);
    const after = await t.db.card.findMany({
      where: { boardId: board.id },
      orderBy: [{ columnId: 'asc' }, { rank: 'asc' }],
    });
    expect(after.map((c) => c.id).sort()).toEqual([...ids].sort());
    for (const column of board.columns) {
      const inColumn = after.filter((c) => c.columnId === column.id);
      expect(new Set(inColumn.map((c) => c.rank)).size).toBe(inColumn.length);
      if (column.wipPolicy === 'HARD') expect(inColumn.length).toBeLessThanOrEqual(column.wipLimit!);
    }
    const inLane = after.filter(
      (c) =>
        c.swimlaneId === lane.id &&
        ['TODO', 'IN_PROGRESS'].includes(board.columns.find((k) => k.id === c.columnId)!.flowCategory),
    );
    expect(inLane.length).toBeLessThanOrEqual(2);
    // Every successful move left one history entry or a reorder entry; versions only grew by successful writes.
    const written = await t.db.activity.count({
      where: { boardId: board.id, kind: { in: [activityKinds.cardMoved, activityKinds.cardReordered] } },
    });
    expect(written).toBe(statuses.get(200));
    for (const card of after) expect(card.version).toBe(versions.get(card.id));
  }, 180_000);
});
