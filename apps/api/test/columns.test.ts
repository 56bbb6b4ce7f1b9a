import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

describe('column and swimlane management', () => {
  let t: TestContext;
  let master: string;
  let member: string;
  let outsider: string;
  let team: Awaited<ReturnType<typeof createTeam>>;

  beforeAll(async () => {
    t = await startTestApp();
    const sm = await createUser(t.db);
    const m = await createUser(t.db);
    const o = await createUser(t.db);
    team = await createTeam(t.db, [
      { userId: sm.id, role: 'SCRUM_MASTER' },
      { userId: m.id, role: 'MEMBER' },
    ]);
    master = await signIn(t.app, sm.email);
    member = await signIn(t.app, m.email);
    outsider = await signIn(t.app, o.email);
  });
  afterAll(() => t.close());

  const call = (method: 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: { cookie }, payload });

  it('adds, renames, limits, reorders and deletes a column', async () => {
    let res = await call('POST', '/columns', master, {
      boardId: team.board.id,
      name: 'Legal',
      wipLimit: 2,
      wipPolicy: 'HARD',
      flowCategory: 'IN_PROGRESS',
      position: 1,
    });
    expect(res.statusCode).toBe(201);
    const column = res.json();
    expect(column).toMatchObject({ name: 'Legal', wipLimit: 2, wipPolicy: 'HARD', position: 1 });
    res = await call('PATCH', `/columns/${column.id}`, master, { name: 'Legal review', wipLimit: null, position: 3 });
    expect(res.json()).toMatchObject({ name: 'Legal review', wipLimit: null, position: 3 });
    const positions = (
      await t.db.column.findMany({ where: { boardId: team.board.id }, orderBy: { position: 'asc' } })
    ).map((c) => c.position);
    expect(positions).toEqual(positions.map((_, i) => i));
    expect((await call('DELETE', `/columns/${column.id}`, master)).statusCode).toBe(200);
    expect(await t.db.activity.count({ where: { boardId: team.board.id, kind: { startsWith: 'column.' } } })).toBe(3);
  });

  it('refuses to delete a column that holds cards, saying how many', async () => {
    const column = team.board.columns[1]!;
    await addCards(t.db, team.board.id, column.id, 2, 'Keep');
    const res = await call('DELETE', `/columns/${column.id}`, master);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      `Column "${column.name}" holds 2 cards; move them to another column before deleting it`,
    );
  });

  it('manages swimlanes; deleting one keeps its cards on the board', async () => {
    let res = await call('POST', '/swimlanes', master, {
      boardId: team.board.id,
      name: 'Expedite',
      wipLimit: 1,
      wipPolicy: 'HARD',
    });
    expect(res.statusCode).toBe(201);
    const lane = res.json();
    const [card] = await addCards(t.db, team.board.id, team.board.columns[0]!.id, 1, 'Laned');
    await t.db.card.update({ where: { id: card!.id }, data: { swimlaneId: lane.id } });
    res = await call('PATCH', `/swimlanes/${lane.id}`, master, { name: 'Urgent' });
    expect(res.json().name).toBe('Urgent');
    expect((await call('DELETE', `/swimlanes/${lane.id}`, master)).statusCode).toBe(200);
    expect((await t.db.card.findUniqueOrThrow({ where: { id: card!.id } })).swimlaneId).toBeNull();
  });

  it('lets only scrum masters and admins change the layout', async () => {
    expect((await call('POST', '/columns', member, { boardId: team.board.id, name: 'Nope' })).statusCode).toBe(403);
    expect((await call('PATCH', `/columns/${team.board.columns[0]!.id}`, member, { name: 'Nope' })).statusCode).toBe(
      403,
    );
    expect((await call('POST', '/columns', outsider, { boardId: team.board.id, name: 'Nope' })).statusCode).toBe(404);
    expect((await call('PATCH', `/columns/${team.board.columns[0]!.id}`, outsider, { name: 'Nope' })).statusCode).toBe(
      404,
    );
  });

  it('names the field on bad input', async () => {
    const res = await call('POST', '/columns', master, { boardId: team.board.id, name: '', wipLimit: 0 });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['body.name', 'body.wipLimit']);
  });

  it('refuses a name holding a control character, a line break or U+FFFF, naming it; null is no WIP limit on both', async () => {
    const column = team.board.columns[0]!;
    for (const name of ['Doing \uFFFF', '\u0001\u0002\u0003\u001f', 'Two\nlines']) {
      for (const res of [
        await call('PATCH', `/columns/${column.id}`, master, { name }),
        await call('POST', '/swimlanes', master, { boardId: team.board.id, name }),
        await call('POST', '/columns', master, { boardId: team.board.id, name }),
      ]) {
        expect(res.statusCode, `${JSON.stringify(name)}: ${res.body}`).toBe(400);
        expect(res.json().error.fields).toEqual([
          {
            field: 'body.name',
            message: 'must not contain control characters, line breaks or noncharacters such as U+FFFF',
          },
        ]);
      }
    }
    expect((await t.db.column.findUniqueOrThrow({ where: { id: column.id } })).name).toBe(column.name);

    // As on a column, a WIP limit of null means none.
    const lane = await call('POST', '/swimlanes', master, {
      boardId: team.board.id,
      name: 'Expedite 🚀',
      wipLimit: null,
    });
    expect(lane.statusCode, lane.body).toBe(201);
    expect(lane.json()).toMatchObject({ name: 'Expedite 🚀', wipLimit: null });
    const limited = await call('PATCH', `/swimlanes/${lane.json().id}`, master, { wipLimit: 2 });
    expect(limited.json()).toMatchObject({ wipLimit: 2 });
    const unlimited = await call('PATCH', `/swimlanes/${lane.json().id}`, master, { wipLimit: null });
    expect(unlimited.json()).toMatchObject({ wipLimit: null });
  });
});
