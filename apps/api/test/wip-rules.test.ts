import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowCategories, type FlowCategory } from '@amb/domain/flow-categories';
import { countsTowardPersonLimit, countsTowardSwimlaneLimit, swimlaneWipCount } from '@amb/domain/wip';
import { createTeam, createUser, type TestContext, startTestApp } from './support/test-app';

// The WIP rules are written twice: in packages/domain (the API decides and the web app predicts with them) and as
// SQL functions (prisma/sql/functions) that every query counting toward a limit calls. These tests hold them equal.
describe('the WIP rules in SQL and in packages/domain', () => {
  let t: TestContext;
  let team: Awaited<ReturnType<typeof createTeam>>;

  beforeAll(async () => {
    t = await startTestApp();
    team = await createTeam(t.db);
  });
  afterAll(() => t.close());

  it('know the same flow categories, in the same order', async () => {
    const [row] = await t.db.$queryRaw<
      { values: string[] }[]
    >`SELECT enum_range(NULL::"FlowCategory")::text[] AS values`;
    expect(row!.values).toEqual([...flowCategories]);
  });

  it('agree on what counts toward a swimlane’s limit', async () => {
    const rows = await t.db.$queryRaw<{ flow: FlowCategory; counts: boolean }[]>`
      SELECT f::text AS flow, counts_toward_swimlane_limit(f) AS counts FROM unnest(enum_range(NULL::"FlowCategory")) f`;
    expect(rows.map((r) => [r.flow, r.counts])).toEqual(flowCategories.map((f) => [f, countsTowardSwimlaneLimit(f)]));
  });

  it('agree on what counts toward a person’s limit, from every column to every column and from nowhere', async () => {
    const rows = await t.db.$queryRaw<{ from: FlowCategory | null; to: FlowCategory; counts: boolean }[]>`
      SELECT a::text AS from, b::text AS to, counts_toward_person_limit(a, b) AS counts
      FROM unnest(array_append(enum_range(NULL::"FlowCategory"), NULL)) a, unnest(enum_range(NULL::"FlowCategory")) b`;
    expect(rows).toHaveLength((flowCategories.length + 1) * flowCategories.length);
    for (const r of rows)
      expect([r.from, r.to, r.counts]).toEqual([r.from, r.to, countsTowardPersonLimit(r.from, r.to)]);
  });

  it('count a swimlane’s and a person’s cards as the domain does, on a board with a card in every column', async () => {
    const person = await createUser(t.db);
    const lane = await t.db.swimlane.create({
      data: { boardId: team.board.id, name: 'Expedite', position: 0, wipLimit: 2 },
    });
    const columns = team.board.columns;
    let rank = 0;
    const cards = [];
    for (const column of columns) {
      for (const archived of [false, true]) {
        cards.push(
          await t.db.card.create({
            data: {
              boardId: team.board.id,
              columnId: column.id,
              swimlaneId: lane.id,
              title: `${column.name}${archived ? ' (archived)' : ''}`,
              rank: String.fromCharCode(98 + rank++),
              owners: { create: { userId: person.id } },
            },
          }),
        );
      }
    }
    // Archived last, once its owner is set: the database refuses writes to an archived card's owners.
    for (const card of cards.filter((c) => c.title.endsWith('(archived)'))) {
      await t.db.card.update({ where: { id: card.id }, data: { archivedAt: new Date() } });
    }
    const flowOf = (columnId: string) => columns.find((c) => c.id === columnId)!.flowCategory as FlowCategory;
    const open = cards.filter((c) => !c.title.endsWith('(archived)'));
    const [sql] = await t.db.$queryRaw<{ lane: number; person: number; person_but_first: number }[]>`
      SELECT swimlane_wip_count(${lane.id}, '') AS lane, person_wip_count(${person.id}, '') AS person,
        person_wip_count(${person.id}, ${open.find((c) => flowOf(c.columnId) === 'IN_PROGRESS')!.id}) AS person_but_first`;
    const inProgress = open.filter((c) => countsTowardPersonLimit(null, flowOf(c.columnId))).length;
    expect(sql!.lane).toBe(swimlaneWipCount(open, lane.id, flowOf));
    expect(sql!.person).toBe(inProgress);
    expect(sql!.person_but_first).toBe(inProgress - 1);
    expect(inProgress).toBeGreaterThan(0);
  });
});
