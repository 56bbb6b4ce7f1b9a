import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityKinds } from '@amb/shared/activity';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// A column may require approval to leave it: a card that is not approved stays, by every kind of move.

describe('a column that requires approval', () => {
  let t: TestContext;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let as: Record<'member' | 'approver' | 'master', { cookie: string }>;
  let approverId: string;
  let n = 0;
  const review = () => team.board.columns[2]!;
  const next = () => team.board.columns[3]!;
  const card = async () => (await addCards(t.db, team.board.id, review().id, 1, `Gate ${++n}.`))[0]!;
  const move = (cardId: string, version: number, columnId: string, swimlaneId?: string | null) =>
    t.app.inject({
      method: 'POST',
      url: `/api/cards/${cardId}/move`,
      headers: as.member,
      payload: { version, columnId, afterCardId: null, ...(swimlaneId !== undefined ? { swimlaneId } : {}) },
    });
  const ask = (cardId: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/cards/${cardId}/approval`,
      headers: as.member,
      payload: { approverIds: [approverId] },
    });
  const decide = (cardId: string, decision: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/cards/${cardId}/approval/decision`,
      headers: as.approver,
      payload: { decision, comment: '' },
    });

  beforeAll(async () => {
    t = await startTestApp();
    const member = await createUser(t.db, { name: 'Mia Member' });
    const approver = await createUser(t.db, { name: 'Lee Legal' });
    const master = await createUser(t.db, { name: 'Sam Master' });
    approverId = approver.id;
    team = await createTeam(t.db, [
      { userId: member.id, role: 'MEMBER' },
      { userId: approver.id, role: 'MEMBER' },
      { userId: master.id, role: 'SCRUM_MASTER' },
    ]);
    as = {
      member: { cookie: await signIn(t.app, member.email) },
      approver: { cookie: await signIn(t.app, approver.email) },
      master: { cookie: await signIn(t.app, master.email) },
    };
    const set = await t.app.inject({
      method: 'PATCH',
      url: `/api/columns/${review().id}`,
      headers: as.master,
      payload: { requiresApproval: true },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ requiresApproval: true });
  });
  afterAll(() => t?.close());

  it('is saved and read with the board', async () => {
    const board = await t.app.inject({ method: 'GET', url: `/api/boards/${team.board.id}`, headers: as.member });
    const columns = board.json().columns as { id: string; requiresApproval: boolean }[];
    expect(columns.find((c) => c.id === review().id)?.requiresApproval).toBe(true);
    expect(columns.find((c) => c.id === next().id)?.requiresApproval).toBe(false);
    // The setting is in the board's history, as a change of the column.
    const entry = await t.db.activity.findFirst({
      where: { kind: activityKinds.columnUpdated, to: { path: ['columnId'], equals: review().id } },
      orderBy: { id: 'desc' },
    });
    expect(entry).toMatchObject({ from: { requiresApproval: false }, to: { requiresApproval: true } });
  });

  it('refuses to let a card with no approval asked for leave, saying what is missing', async () => {
    const c = await card();
    const res = await move(c.id, c.version, next().id);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      message: `Column "${review().name}" needs an approved version before a card leaves it: no approval asked for`,
    });
    expect((await t.db.card.findUniqueOrThrow({ where: { id: c.id } })).columnId).toBe(review().id);
  });

  it('refuses while approval is pending or changes are requested, and lets the card go once approved', async () => {
    const c = await card();
    expect((await ask(c.id)).statusCode).toBe(201);
    const pending = await move(c.id, c.version, next().id);
    expect(pending.json().error.message).toMatch(/: approval 0 of 1$/);
    await decide(c.id, 'CHANGES_REQUESTED');
    const changes = await move(c.id, c.version, next().id);
    expect(changes.json().error.message).toMatch(/: changes requested$/);
    await decide(c.id, 'APPROVED');
    const moved = await move(c.id, c.version, next().id);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().card.columnId).toBe(next().id);
  });

  it('lets an unapproved card move within the column', async () => {
    const [c] = await Promise.all([card(), card()]);
    const res = await move(c!.id, c!.version, review().id);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('is held by the database too: a move decided before the approval was withdrawn is refused', async () => {
    const c = await card();
    await ask(c.id);
    await decide(c.id, 'APPROVED');
    const row = (
      await t.db.$queryRawUnsafe<{ status: string }[]>(
        `SELECT status FROM move_card($1, $2, $3::jsonb, NULL, $4::jsonb)`,
        c.id,
        c.version,
        JSON.stringify({ columnId: next().id, swimlaneId: null, rank: 'zz', startedAt: null, completedAt: null }),
        JSON.stringify({ actorId: approverId, teamId: team.id, kind: 'card.moved', from: {}, to: {} }),
      )
    )[0]!;
    expect(row.status).toBe('moved');
    const back = await t.db.card.update({ where: { id: c.id }, data: { columnId: review().id } });
    await decide(c.id, 'CHANGES_REQUESTED');
    const [gated] = await t.db.$queryRawUnsafe<{ status: string }[]>(
      `SELECT status FROM move_card($1, $2, $3::jsonb, NULL, $4::jsonb)`,
      c.id,
      back.version,
      JSON.stringify({ columnId: next().id, swimlaneId: null, rank: 'zz', startedAt: null, completedAt: null }),
      JSON.stringify({ actorId: approverId, teamId: team.id, kind: 'card.moved', from: {}, to: {} }),
    );
    expect(gated!.status).toBe('gated');
  });
});
