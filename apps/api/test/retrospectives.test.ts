import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityKinds } from '@amb/shared/activity';
import { retrospectiveSchema, type Retrospective } from '@amb/shared/retrospectives';
import { watchEvents } from './support/event-stream';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// Sprint retrospectives through the API, on a real database: opening and closing, notes, dot votes and their
// allowance, actions turned into backlog cards, last time's actions, the live stream, and who may do what.

type Who = 'master' | 'member' | 'other' | 'viewer' | 'outsider';

describe('sprint retrospectives', () => {
  let t: TestContext;
  const cookie = {} as Record<Who, string>;
  const ids = {} as Record<Who, string>;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let sprintId: string;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp();
    for (const who of ['master', 'member', 'other', 'viewer', 'outsider'] as const) {
      const user = await createUser(t.db, { name: `${who} person` });
      ids[who] = user.id;
      cookie[who] = await signIn(t.app, user.email);
    }
    team = await createTeam(t.db, [
      { userId: ids.master, role: 'SCRUM_MASTER' },
      { userId: ids.member, role: 'MEMBER' },
      { userId: ids.other, role: 'MEMBER' },
      { userId: ids.viewer, role: 'VIEWER' },
    ]);
    await createTeam(t.db, [{ userId: ids.outsider, role: 'SCRUM_MASTER' }]);
    sprintId = (await sprint('CLOSED', '2026-11-02')).id;
  });
  afterAll(() => t.close());

  const sprint = (state: 'PLANNED' | 'ACTIVE' | 'CLOSED', start: string) =>
    t.db.sprint.create({ data: { teamId: team.id, name: `Sprint ${++n}`, startDate: new Date(start), endDate: new Date(Date.parse(start) + 11 * 86_400_000), state } });
  const call = (who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url: `/api${url}`, headers: { cookie: cookie[who] }, payload });
  const read = async (who: Who = 'viewer', id = sprintId) => {
    const res = await call(who, 'GET', `/sprints/${id}/retrospective`);
    expect(res.statusCode, res.body).toBe(200);
    return retrospectiveSchema.parse(res.json()) as Retrospective;
  };
  const fieldsOf = (res: { json(): { error: { fields?: { field: string }[] } } }) => res.json().error.fields?.map((f) => f.field);
  const note = async (text: string, group = 'TO_IMPROVE', who: Who = 'member', id = sprintId) => {
    const res = await call(who, 'POST', `/sprints/${id}/retrospective/notes`, { group, text });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  const vote = (who: Who, noteId: string, dots: number) => call(who, 'PUT', `/retrospective-notes/${noteId}/vote`, { dots });

  it('is not opened until a scrum master opens it, and not for a sprint that has not started', async () => {
    expect((await read()).state).toBe('NOT_OPENED');
    const early = await call('member', 'POST', `/sprints/${sprintId}/retrospective/notes`, { group: 'WENT_WELL', text: 'Too early' });
    expect(early.statusCode).toBe(409);
    expect(fieldsOf(early)).toEqual(['params.sprintId']);
    const planned = await sprint('PLANNED', '2026-12-14');
    const refused = await call('master', 'PUT', `/sprints/${planned.id}/retrospective`, { state: 'OPEN' });
    expect(refused.statusCode).toBe(409);
    expect(fieldsOf(refused)).toEqual(['params.sprintId']);
  });

  it('lets only a scrum master open and close it; members and viewers are refused', async () => {
    expect((await call('member', 'PUT', `/sprints/${sprintId}/retrospective`, { state: 'OPEN' })).statusCode).toBe(403);
    expect((await call('viewer', 'PUT', `/sprints/${sprintId}/retrospective`, { state: 'OPEN' })).statusCode).toBe(403);
    expect((await call('outsider', 'PUT', `/sprints/${sprintId}/retrospective`, { state: 'OPEN' })).statusCode).toBe(404);
    const bad = await call('master', 'PUT', `/sprints/${sprintId}/retrospective`, { state: 'OPEN', votesPerPerson: 0 });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['body.votesPerPerson']);
    const opened = await call('master', 'PUT', `/sprints/${sprintId}/retrospective`, { state: 'OPEN', votesPerPerson: 3 });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ state: 'OPEN', votesPerPerson: 3, liveBoardId: team.board.id });
    const log = await t.db.activity.findMany({ where: { sprintId, kind: activityKinds.retrospectiveOpened } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorId: ids.master, teamId: team.id, boardId: team.board.id });
  });

  it('takes notes from members, with a principle, and refuses empty, over-long and viewers’ notes', async () => {
    const principle = await t.db.principle.findFirst({ where: { archivedAt: null } });
    const withPrinciple = await call('member', 'POST', `/sprints/${sprintId}/retrospective/notes`, { group: 'WENT_WELL', text: '  Launch went out on time  ', principleId: principle?.id ?? null });
    expect(withPrinciple.statusCode, withPrinciple.body).toBe(201);
    expect(withPrinciple.json()).toMatchObject({ text: 'Launch went out on time', group: 'WENT_WELL', authorName: 'member person', dots: 0 });
    for (const [body, field] of [
      [{ group: 'WENT_WELL', text: '   ' }, 'body.text'],
      [{ group: 'WENT_WELL', text: 'x'.repeat(501) }, 'body.text'],
      [{ group: 'SOMETIMES', text: 'Fine' }, 'body.group'],
      [{ group: 'ACTION', text: 'Fine', principleId: '00000000-0000-4000-8000-000000000000' }, 'body.principleId'],
    ] as const) {
      const res = await call('member', 'POST', `/sprints/${sprintId}/retrospective/notes`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res)).toEqual([field]);
    }
    expect((await call('viewer', 'POST', `/sprints/${sprintId}/retrospective/notes`, { group: 'WENT_WELL', text: 'Viewer' })).statusCode).toBe(403);
    expect((await call('outsider', 'POST', `/sprints/${sprintId}/retrospective/notes`, { group: 'WENT_WELL', text: 'Outsider' })).statusCode).toBe(404);
    // The write and its entry together; nothing written for the refusals.
    expect(await t.db.retrospectiveNote.count()).toBe(1);
    expect(await t.db.activity.count({ where: { kind: activityKinds.retrospectiveNoteAdded } })).toBe(1);
  });

  it('lets a person place several dots on one note, within the allowance, and sorts notes by votes', async () => {
    const a = await note('Legal review came late');
    const b = await note('Too many channels at once', 'TO_IMPROVE', 'other');
    expect((await vote('member', b.id, 2)).json()).toMatchObject({ myDots: 2, myDotsLeft: 1 });
    const over = await vote('member', a.id, 2);
    expect(over.statusCode).toBe(400);
    expect(fieldsOf(over)).toEqual(['body.dots']);
    expect((await vote('member', a.id, 1)).json()).toMatchObject({ myDotsLeft: 0 });
    // Moving dots: fewer on b frees them for a.
    expect((await vote('member', b.id, 1)).statusCode).toBe(200);
    expect((await vote('member', a.id, 2)).json()).toMatchObject({ myDots: 2, myDotsLeft: 0 });
    expect((await vote('other', b.id, 3)).statusCode).toBe(200);
    expect((await vote('viewer', a.id, 1)).statusCode).toBe(403);
    const r = await read('member');
    expect(r.notes.slice(0, 2).map((x) => [x.id, x.dots, x.myDots])).toEqual([
      [b.id, 4, 1],
      [a.id, 2, 2],
    ]);
    expect(r.myDotsLeft).toBe(0);
    expect((await read('viewer')).myDotsLeft).toBe(0);
    // Each change of dots is one entry, the same again is none.
    const before = await t.db.activity.count({ where: { kind: activityKinds.retrospectiveVoted } });
    expect((await vote('member', a.id, 2)).statusCode).toBe(200);
    expect(await t.db.activity.count({ where: { kind: activityKinds.retrospectiveVoted } })).toBe(before);
  });

  it('holds the allowance when one person votes on many notes at once', async () => {
    const notes = await Promise.all([1, 2, 3, 4, 5].map((i) => note(`Parallel ${i}`, 'WENT_WELL', 'master')));
    const results = await Promise.all(notes.map((x) => vote('master', x.id, 1)));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 400)).toHaveLength(2);
    const placed = await t.db.retrospectiveVote.aggregate({ where: { userId: ids.master }, _sum: { dots: true } });
    expect(placed._sum.dots).toBe(3);
  });

  it('lets the scrum master turn an action into a backlog card that says where it came from', async () => {
    const action = await note('Book legal review a week before launch', 'ACTION');
    const notAction = await note('Another thing to improve');
    expect((await call('member', 'POST', `/retrospective-notes/${action.id}/card`)).statusCode).toBe(403);
    const wrong = await call('master', 'POST', `/retrospective-notes/${notAction.id}/card`);
    expect(wrong.statusCode).toBe(400);
    expect(fieldsOf(wrong)).toEqual(['params.noteId']);
    const made = await call('master', 'POST', `/retrospective-notes/${action.id}/card`);
    expect(made.statusCode, made.body).toBe(201);
    const cardId = made.json().card.cardId as string;
    const again = await call('master', 'POST', `/retrospective-notes/${action.id}/card`);
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again)).toEqual(['params.noteId']);

    const card = await t.db.card.findUniqueOrThrow({ where: { id: cardId }, include: { column: true } });
    expect(card).toMatchObject({ title: 'Book legal review a week before launch', boardId: team.board.id, sprintId: null });
    expect(card.column.flowCategory).toBe('BACKLOG');
    const backlog = (await call('viewer', 'GET', `/teams/${team.id}/backlog`)).json();
    expect(backlog.cards.map((c: { id: string }) => c.id)).toContain(cardId);
    const detail = (await call('viewer', 'GET', `/cards/${cardId}`)).json();
    expect(detail.origin).toMatchObject({ sprintId, noteId: action.id });
    expect(detail.history.map((h: { kind: string }) => h.kind)).toEqual(expect.arrayContaining([activityKinds.cardCreated, activityKinds.retrospectiveActionConverted]));
    expect((await read()).notes.find((x) => x.id === action.id)?.card).toMatchObject({ cardId, done: false });
  });

  it('is read-only once closed, readable by everyone, and convertible by the scrum master', async () => {
    const action = await note('Write the brief before the kick-off', 'ACTION');
    const closed = await call('master', 'PUT', `/sprints/${sprintId}/retrospective`, { state: 'CLOSED' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().closedAt).not.toBeNull();
    const late = await call('member', 'POST', `/sprints/${sprintId}/retrospective/notes`, { group: 'WENT_WELL', text: 'Late' });
    expect(late.statusCode).toBe(409);
    expect(fieldsOf(late)).toEqual(['params.sprintId']);
    const lateVote = await vote('other', action.id, 1);
    expect(lateVote.statusCode).toBe(409);
    expect(fieldsOf(lateVote)).toEqual(['params.noteId']);
    expect((await read('viewer')).state).toBe('CLOSED');
    expect((await call('outsider', 'GET', `/sprints/${sprintId}/retrospective`)).statusCode).toBe(404);
    expect((await call('master', 'POST', `/retrospective-notes/${action.id}/card`)).statusCode).toBe(201);
  });

  it('shows the next retrospective last time’s actions and whether their cards are done', async () => {
    const next = await sprint('ACTIVE', '2026-11-16');
    const previous = (await read('member', next.id)).previous!;
    expect(previous.sprintId).toBe(sprintId);
    expect(previous.actions.map((a) => a.text).sort()).toEqual(['Book legal review a week before launch', 'Write the brief before the kick-off']);
    const converted = previous.actions.find((a) => a.text.startsWith('Book'))!.card!;
    const done = team.board.columns.find((c) => c.flowCategory === 'DONE')!;
    await t.db.card.update({ where: { id: converted.cardId }, data: { columnId: done.id } });
    const after = (await read('member', next.id)).previous!;
    expect(after.actions.find((a) => a.card?.cardId === converted.cardId)?.card?.done).toBe(true);
  });

  it('tells those watching the team’s board about each change, live', async () => {
    const next = await t.db.sprint.findFirstOrThrow({ where: { teamId: team.id, state: 'ACTIVE' } });
    const baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const stream = await watchEvents(`${baseUrl}/api/boards/${team.board.id}/events`, cookie.viewer);
    expect(stream.status).toBe(200);
    expect((await call('master', 'PUT', `/sprints/${next.id}/retrospective`, { state: 'OPEN' })).statusCode).toBe(200);
    await stream.until((e) => e.kind === activityKinds.retrospectiveOpened);
    await note('Seen live', 'WENT_WELL', 'member', next.id);
    await stream.until((e) => e.kind === activityKinds.retrospectiveNoteAdded);
    stream.close();
  });
});
