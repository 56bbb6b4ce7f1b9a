import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../src/db/prisma';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, startTestApp, type TestContext } from './support/test-app';

// A move is decided without locks and written by the database function move_card, which first checks, under the
// column's lock, that what the decision rested on still holds. Each check is tested here against the real database.
describe('the move_card database function', () => {
  let t: TestContext;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let actorId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const person = await createUser(t.db);
    actorId = person.id;
    team = await createTeam(t.db, [{ userId: person.id, role: 'MEMBER' }]);
  }, 60_000);
  afterAll(() => t.close());

  /** A column with two cards (A above B) and a card elsewhere to move between them, and a call to move it. */
  async function scene(options: { wipLimit?: number } = {}) {
    const column = await t.db.column.create({
      data: {
        boardId: team.board.id,
        name: 'Checks',
        position: 30,
        flowCategory: 'IN_PROGRESS',
        wipLimit: options.wipLimit ?? null,
        wipPolicy: 'HARD',
      },
    });
    const [a, b] = await addCards(t.db, team.board.id, column.id, 2, `Neighbour ${column.id}`);
    const backlog = team.board.columns.find((c) => c.flowCategory === 'BACKLOG')!;
    const [moved] = await addCards(t.db, team.board.id, backlog.id, 1, `Moved ${column.id}`);
    const rank = `${a!.rank}V`;
    const expect0 = {
      flowCategory: 'IN_PROGRESS',
      columnLimit: column.wipLimit,
      columnPolicy: 'HARD',
      laneLimit: null,
      lanePolicy: null,
      columnCount: options.wipLimit ? 2 : null,
      laneCount: null,
      afterCardId: a!.id,
      above: a!.rank,
      rankEpoch: 0,
    };
    const call = async (
      overrides: { expect?: Partial<typeof expect0> | null; rank?: string; version?: number } = {},
    ) => {
      const place = {
        columnId: column.id,
        swimlaneId: null,
        rank: overrides.rank ?? rank,
        startedAt: new Date().toISOString(),
        completedAt: null,
      };
      const entry = {
        actorId,
        teamId: team.id,
        kind: 'card.moved',
        field: 'columnId',
        from: { columnId: backlog.id },
        to: { columnId: column.id },
      };
      const expectation = overrides.expect === null ? null : { ...expect0, ...overrides.expect };
      const [row] = await sql<{
        status: string;
        card: { id: string; columnId: string; rank: string; version: number; updatedAt: string } | null;
      }>(t.db, 'test-move-card', 'SELECT status, card FROM move_card($1, $2, $3::jsonb, $4::jsonb, $5::jsonb)', [
        moved!.id,
        overrides.version ?? moved!.version,
        JSON.stringify(place),
        expectation && JSON.stringify(expectation),
        JSON.stringify(entry),
      ]);
      return row!;
    };
    return { column, a: a!, b: b!, moved: moved!, call };
  }

  it('writes the card and its history entry when everything holds, and returns its summary', async () => {
    const s = await scene();
    const result = await s.call();
    expect(result.status).toBe('moved');
    expect(result.card).toMatchObject({
      id: s.moved.id,
      columnId: s.column.id,
      rank: `${s.a.rank}V`,
      version: s.moved.version + 1,
    });
    expect(result.card!.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(result.card!.updatedAt) - Date.now())).toBeLessThan(60_000);
    const history = await t.db.activity.findMany({ where: { cardId: s.moved.id } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ kind: 'card.moved', actorId, boardId: team.board.id });
  });

  it('answers "stale" for an old version, and writes nothing', async () => {
    const s = await scene();
    expect((await s.call({ version: s.moved.version + 5 })).status).toBe('stale');
    expect(await t.db.card.findUniqueOrThrow({ where: { id: s.moved.id } })).toMatchObject({
      columnId: s.moved.columnId,
      version: s.moved.version,
    });
  });

  it('answers "changed", writing nothing, when what the decision rested on no longer holds', async () => {
    const s = await scene({ wipLimit: 5 });
    // Another card already holds the rank.
    expect((await s.call({ rank: s.b.rank })).status).toBe('changed');
    // The card it goes after has moved.
    expect((await s.call({ expect: { above: `${s.a.rank}1` } })).status).toBe('changed');
    // The column's ranks were spread out.
    expect((await s.call({ expect: { rankEpoch: 1 } })).status).toBe('changed');
    // The column's limit, policy or flow changed.
    expect((await s.call({ expect: { columnLimit: 6 } })).status).toBe('changed');
    expect((await s.call({ expect: { columnPolicy: 'SOFT' } })).status).toBe('changed');
    expect((await s.call({ expect: { flowCategory: 'DONE' } })).status).toBe('changed');
    // More cards in the column than were counted.
    expect((await s.call({ expect: { columnCount: 1 } })).status).toBe('changed');
    expect(await t.db.card.findUniqueOrThrow({ where: { id: s.moved.id } })).toMatchObject({
      columnId: s.moved.columnId,
      version: s.moved.version,
    });
    expect(await t.db.activity.count({ where: { cardId: s.moved.id } })).toBe(0);
    // Fewer is fine: a card may have left since.
    expect((await s.call({ expect: { columnCount: 3 } })).status).toBe('moved');
  });

  it('skips the checks for a caller that holds the locks (no expectations)', async () => {
    const s = await scene();
    expect((await s.call({ expect: null, rank: `${s.b.rank}V` })).status).toBe('moved');
  });
});
