import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityKinds } from '@amb/shared/activity';
import { retrospectiveSchema, type Retrospective } from '@amb/shared/retrospectives';
import { watchEvents } from './support/event-stream';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// Sprint retrospectives through the API, on a real database: opening and closing, notes (added, edited, deleted),
// dot votes and their allowance, actions turned into backlog cards, last time's actions, the live stream, and who may
// do what.

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
    t.db.sprint.create({
      data: {
        teamId: team.id,
        name: `Sprint ${++n}`,
        startDate: new Date(start),
        endDate: new Date(Date.parse(start) + 11 * 86_400_000),
        state,
      },
    });
  const call = (who: Who, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: { cookie: cookie[who] }, payload });
  const read = async (who: Who = 'viewer', id = sprintId) => {
    const res = await call(who, 'GET', `/sprints/${id}/retrospective`);
    expect(res.statusCode, res.body).toBe(200);
    return retrospectiveSchema.parse(res.json()) as Retrospective;
  };
  const fieldsOf = (res: { json(): { error: { fields?: { field: string }[] } } }) =>
    res.json().error.fields?.map((f) => f.field);
  const note = async (text: string, group = 'TO_IMPROVE', who: Who = 'member', id = sprintId) => {
    const res = await call(who, 'POST', `/sprints/${id}/retrospective/notes`, { group, text });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  const vote = (who: Who, noteId: string, dots: number) =>
    call(who, 'PUT', `/retrospective-notes/${noteId}/vote`, { dots });
  const edit = (who: Who, noteId: string, body: object) => call(who, 'PATCH', `/retrospective-notes/${noteId}`, body);
  const remove = (who: Who, noteId: string) => call(who, 'DELETE', `/retrospective-notes/${noteId}`);
  const setVotes = (votesPerPerson: number) =>
    call('master', 'PUT', `/sprints/${sprintId}/retrospective`, { state: 'OPEN', votesPerPerson });
  const entriesOf = (kind: string, noteId: string) =>
    t.db.activity.findMany({ where: { kind, to: { path: ['noteId'], equals: noteId } }, orderBy: { id: 'asc' } });
  // A note of the member's that stays until the retrospective is closed.
  let membersNote: string;

  it('is not opened until a scrum master opens it, and not for a sprint that has not started', async () => {
    expect((await read()).state).toBe('NOT_OPENED');
    const early = await call('member', 'POST', `/sprints/${sprintId}/retrospective/notes`, {
      group: 'WENT_WELL',
      text: 'Too early',
    });
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
    expect((await call('outsider', 'PUT', `/sprints/${sprintId}/retrospective`, { state: 'OPEN' })).statusCode).toBe(
      404,
    );
    const bad = await call('master', 'PUT', `/sprints/${sprintId}/retrospective`, { state: 'OPEN', votesPerPerson: 0 });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['body.votesPerPerson']);
    const opened = await call('master', 'PUT', `/sprints/${sprintId}/retrospective`, {
      state: 'OPEN',
      votesPerPerson: 3,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ state: 'OPEN', votesPerPerson: 3, liveBoardId: team.board.id });
    const log = await t.db.activity.findMany({ where: { sprintId, kind: activityKinds.retrospectiveOpened } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorId: ids.master, teamId: team.id, boardId: team.board.id });
  });

  it('takes notes from members, with a principle, and refuses empty, over-long and viewers’ notes', async () => {
    const principle = await t.db.principle.findFirst({ where: { archivedAt: null } });
    const withPrinciple = await call('member', 'POST', `/sprints/${sprintId}/retrospective/notes`, {
      group: 'WENT_WELL',
      text: '  Launch went out on time  ',
      principleId: principle?.id ?? null,
    });
    expect(withPrinciple.statusCode, withPrinciple.body).toBe(201);
    expect(withPrinciple.json()).toMatchObject({
      text: 'Launch went out on time',
      group: 'WENT_WELL',
      authorName: 'member person',
      dots: 0,
    });
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
    expect(
      (await call('viewer', 'POST', `/sprints/${sprintId}/retrospective/notes`, { group: 'WENT_WELL', text: 'Viewer' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await call('outsider', 'POST', `/sprints/${sprintId}/retrospective/notes`, {
          group: 'WENT_WELL',
          text: 'Outsider',
        })
      ).statusCode,
    ).toBe(404);
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
    expect(card).toMatchObject({
      title: 'Book legal review a week before launch',
      boardId: team.board.id,
      sprintId: null,
    });
    expect(card.column.flowCategory).toBe('BACKLOG');
    const backlog = (await call('viewer', 'GET', `/teams/${team.id}/backlog`)).json();
    expect(backlog.cards.map((c: { id: string }) => c.id)).toContain(cardId);
    const detail = (await call('viewer', 'GET', `/cards/${cardId}`)).json();
    expect(detail.origin).toMatchObject({ sprintId, noteId: action.id });
    expect(detail.history.map((h: { kind: string }) => h.kind)).toEqual(
      expect.arrayContaining([activityKinds.cardCreated, activityKinds.retrospectiveActionConverted]),
    );
    expect((await read()).notes.find((x) => x.id === action.id)?.card).toMatchObject({ cardId, done: false });
  });

  it('lets a note’s author change its text, group and principle, with the rules of adding one, and logs what changed', async () => {
    const [principle, other] = await t.db.principle.findMany({
      where: { archivedAt: null },
      orderBy: { position: 'asc' },
      take: 2,
    });
    membersNote = (await note('Legal late')).id;
    const reworded = await edit('member', membersNote, { text: '  Legal review came two days late  ' });
    expect(reworded.statusCode, reworded.body).toBe(200);
    expect(reworded.json()).toMatchObject({
      id: membersNote,
      text: 'Legal review came two days late',
      group: 'TO_IMPROVE',
      principleId: null,
      authorName: 'member person',
    });
    expect(reworded.json().editedAt).not.toBeNull();
    const moved = await edit('member', membersNote, { group: 'WENT_WELL', principleId: principle!.id });
    expect(moved.json()).toMatchObject({
      group: 'WENT_WELL',
      principleId: principle!.id,
      text: 'Legal review came two days late',
    });

    for (const [body, field] of [
      [{ text: '   ' }, 'body.text'],
      [{ text: 'x'.repeat(501) }, 'body.text'],
      [{ group: 'SOMETIMES' }, 'body.group'],
      [{ principleId: '00000000-0000-4000-8000-000000000000' }, 'body.principleId'],
    ] as const) {
      const res = await edit('member', membersNote, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res)).toEqual([field]);
    }
    // Exactly 500 characters is a note.
    expect((await edit('member', membersNote, { text: 'y'.repeat(500) })).statusCode).toBe(200);

    // One entry per edit, with only what changed; the same values again write nothing.
    const log = await entriesOf(activityKinds.retrospectiveNoteEdited, membersNote);
    expect(log.map((e) => [e.from, e.to])).toEqual([
      [
        { noteId: membersNote, text: 'Legal late' },
        { retrospectiveId: expect.any(String), noteId: membersNote, text: 'Legal review came two days late' },
      ],
      [
        { noteId: membersNote, group: 'TO_IMPROVE', principleId: null },
        { retrospectiveId: expect.any(String), noteId: membersNote, group: 'WENT_WELL', principleId: principle!.id },
      ],
      [
        { noteId: membersNote, text: 'Legal review came two days late' },
        { retrospectiveId: expect.any(String), noteId: membersNote, text: 'y'.repeat(500) },
      ],
    ]);
    expect(log[0]).toMatchObject({ actorId: ids.member, teamId: team.id, sprintId, boardId: team.board.id });
    const editedAt = (await t.db.retrospectiveNote.findUniqueOrThrow({ where: { id: membersNote } })).editedAt;
    expect((await edit('member', membersNote, { text: 'y'.repeat(500), group: 'WENT_WELL' })).statusCode).toBe(200);
    expect(await entriesOf(activityKinds.retrospectiveNoteEdited, membersNote)).toHaveLength(3);
    expect((await t.db.retrospectiveNote.findUniqueOrThrow({ where: { id: membersNote } })).editedAt).toEqual(editedAt);

    // A principle archived since the note was tagged may stay while the text changes; it cannot be newly chosen.
    await t.db.principle.update({ where: { id: principle!.id }, data: { archivedAt: new Date() } });
    try {
      const kept = await edit('member', membersNote, { text: 'Legal review came late', principleId: principle!.id });
      expect(kept.statusCode, kept.body).toBe(200);
      expect((await edit('member', membersNote, { principleId: other!.id })).statusCode).toBe(200);
      const archived = await edit('member', membersNote, { principleId: principle!.id });
      expect(archived.statusCode).toBe(400);
      expect(fieldsOf(archived)).toEqual(['body.principleId']);
      expect((await edit('member', membersNote, { principleId: null })).json().principleId).toBeNull();
    } finally {
      await t.db.principle.update({ where: { id: principle!.id }, data: { archivedAt: null } });
    }
  });

  it('keeps a note’s votes through an edit, and lets a scrum master edit anyone’s note but no one else', async () => {
    const voted = (await read('member')).notes.find((x) => x.text === 'Too many channels at once')!;
    expect(voted.dots).toBe(4);
    const byMaster = await edit('master', voted.id, { text: 'Too many channels at once for a team of four' });
    expect(byMaster.statusCode, byMaster.body).toBe(200);
    expect(byMaster.json()).toMatchObject({ dots: 4, authorName: 'other person' });
    expect((await entriesOf(activityKinds.retrospectiveNoteEdited, voted.id))[0]).toMatchObject({
      actorId: ids.master,
    });

    // Another member, a viewer: refused; someone who cannot see the team: not found, as if there were no note.
    for (const [who, status] of [
      ['member', 403],
      ['viewer', 403],
      ['outsider', 404],
    ] as const) {
      expect((await edit(who, voted.id, { text: 'Not yours' })).statusCode, who).toBe(status);
    }
    expect((await edit('member', '00000000-0000-4000-8000-000000000000', { text: 'Nothing' })).statusCode).toBe(404);
    // An author who is now only a viewer of the team no longer changes their notes.
    const former = await createUser(t.db, { name: 'former member' });
    await t.db.membership.create({ data: { teamId: team.id, userId: former.id, role: 'MEMBER' } });
    const formerCookie = await signIn(t.app, former.email);
    const theirs = await t.app.inject({
      method: 'POST',
      url: `/api/sprints/${sprintId}/retrospective/notes`,
      headers: { cookie: formerCookie },
      payload: { group: 'WENT_WELL', text: 'Mine' },
    });
    await t.db.membership.update({
      where: { userId_teamId: { userId: former.id, teamId: team.id } },
      data: { role: 'VIEWER' },
    });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/retrospective-notes/${theirs.json().id}`,
      headers: { cookie: formerCookie },
      payload: { text: 'Still mine?' },
    });
    expect(stale.statusCode).toBe(403);
    expect((await edit('master', theirs.json().id, { text: 'Kept by the scrum master' })).statusCode).toBe(200);
    expect((await t.db.retrospectiveNote.findUniqueOrThrow({ where: { id: voted.id } })).text).toBe(
      'Too many channels at once for a team of four',
    );
  });

  it('lets the author or a scrum master delete a note, giving its votes back to those who placed them', async () => {
    const voted = (await read('member')).notes.find((x) => x.text.startsWith('Too many channels'))!;
    expect([(await read('member')).myDotsLeft, (await read('other')).myDotsLeft]).toEqual([0, 0]);
    for (const [who, status] of [
      ['member', 403],
      ['viewer', 403],
      ['outsider', 404],
    ] as const) {
      expect((await remove(who, voted.id)).statusCode, who).toBe(status);
    }
    const removed = await remove('other', voted.id);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toEqual({ noteId: voted.id, dotsReturned: 4 });
    expect(await t.db.retrospectiveNote.findUnique({ where: { id: voted.id } })).toBeNull();
    expect(await t.db.retrospectiveVote.count({ where: { noteId: voted.id } })).toBe(0);
    expect([(await read('member')).myDotsLeft, (await read('other')).myDotsLeft]).toEqual([1, 3]);
    expect((await read()).notes.map((x) => x.id)).not.toContain(voted.id);

    // The entry keeps the note and whose dots went back.
    const [entry, ...more] = await t.db.activity.findMany({
      where: { kind: activityKinds.retrospectiveNoteDeleted, from: { path: ['noteId'], equals: voted.id } },
    });
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ actorId: ids.other, teamId: team.id, sprintId, boardId: team.board.id });
    expect(entry!.from).toMatchObject({
      noteId: voted.id,
      group: 'TO_IMPROVE',
      text: 'Too many channels at once for a team of four',
      authorId: ids.other,
    });
    expect((entry!.from as { votes: { userId: string; dots: number }[] }).votes).toEqual(
      expect.arrayContaining([
        { userId: ids.member, dots: 1 },
        { userId: ids.other, dots: 3 },
      ]),
    );

    // A scrum master removes anyone's note; a note already gone is not found.
    const duplicate = await note('Legal late (again)');
    expect((await remove('master', duplicate.id)).json()).toEqual({ noteId: duplicate.id, dotsReturned: 0 });
    expect((await remove('master', duplicate.id)).statusCode).toBe(404);
    expect((await edit('member', duplicate.id, { text: 'Gone' })).statusCode).toBe(404);
  });

  it('does not let a vote and a deletion of the same note overrun each other', async () => {
    // Without the vote holding the note, a vote that waited on the deletion fails on the note it no longer has (500).
    for (let round = 0; round < 5; round++) {
      const target = await note(`Raced ${round}`, 'WENT_WELL', 'master');
      const results = await Promise.all([
        vote('member', target.id, 1),
        vote('other', target.id, 1),
        remove('master', target.id),
      ]);
      expect(results[2]!.statusCode, results[2]!.body).toBe(200);
      // Each vote landed before the deletion (and went back with it) or found the note gone.
      for (const r of results.slice(0, 2)) expect([200, 404], r.body).toContain(r.statusCode);
      expect(results[2]!.json().dotsReturned).toBe(results.slice(0, 2).filter((r) => r.statusCode === 200).length);
      expect(await t.db.retrospectiveVote.count({ where: { noteId: target.id } })).toBe(0);
    }
  });

  it('refuses to change or delete an action that has become a card: the card is what changes', async () => {
    const converted = (await read()).notes.find((x) => x.card)!;
    for (const res of [
      await edit('master', converted.id, { text: 'Reworded' }),
      await remove('master', converted.id),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(fieldsOf(res)).toEqual(['params.noteId']);
    }
    expect((await read()).notes.find((x) => x.id === converted.id)?.text).toBe(converted.text);
  });

  it('refuses to lower the allowance below the votes someone has placed, and says how many', async () => {
    // The member has 2 of 3 placed, the scrum master 3 of 3 (on the parallel notes).
    expect((await read()).mostDotsPlaced).toBe(3);
    expect((await setVotes(5)).statusCode).toBe(200);
    const parallel = (await read('member')).notes.find((x) => x.text === 'Parallel 1')!;
    expect((await vote('member', parallel.id, 3)).json()).toMatchObject({ myDotsLeft: 0 });
    expect((await read()).mostDotsPlaced).toBe(5);

    const entries = await t.db.activity.count({ where: { kind: activityKinds.retrospectiveAllowanceChanged } });
    const refused = await setVotes(4);
    expect(refused.statusCode).toBe(409);
    expect(fieldsOf(refused)).toEqual(['body.votesPerPerson']);
    expect(refused.json().error.message).toContain('Someone has already placed 5 votes');
    expect(refused.json().error.details).toEqual({ mostDotsPlaced: 5 });
    // Nothing changed: the allowance, the votes, the log.
    expect((await read('member')).votesPerPerson).toBe(5);
    expect((await read('member')).notes.find((x) => x.id === parallel.id)?.myDots).toBe(3);
    expect(await t.db.activity.count({ where: { kind: activityKinds.retrospectiveAllowanceChanged } })).toBe(entries);

    // Once the most active voter takes two back, it can go down to what they have placed.
    expect((await vote('member', parallel.id, 1)).statusCode).toBe(200);
    expect((await setVotes(2)).statusCode).toBe(409);
    const lowered = await setVotes(3);
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect(lowered.json()).toMatchObject({ votesPerPerson: 3, mostDotsPlaced: 3 });
    expect(await t.db.activity.count({ where: { kind: activityKinds.retrospectiveAllowanceChanged } })).toBe(
      entries + 1,
    );
  });

  it('is read-only once closed, readable by everyone, and convertible by the scrum master', async () => {
    const action = await note('Write the brief before the kick-off', 'ACTION');
    const closed = await call('master', 'PUT', `/sprints/${sprintId}/retrospective`, { state: 'CLOSED' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().closedAt).not.toBeNull();
    const late = await call('member', 'POST', `/sprints/${sprintId}/retrospective/notes`, {
      group: 'WENT_WELL',
      text: 'Late',
    });
    expect(late.statusCode).toBe(409);
    expect(fieldsOf(late)).toEqual(['params.sprintId']);
    const lateVote = await vote('other', action.id, 1);
    expect(lateVote.statusCode).toBe(409);
    expect(fieldsOf(lateVote)).toEqual(['params.noteId']);
    // Not even the author or the scrum master changes a note of a closed retrospective.
    for (const res of [
      await edit('member', membersNote, { text: 'Late edit' }),
      await remove('member', membersNote),
      await edit('master', action.id, { text: 'Late' }),
      await remove('master', action.id),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(fieldsOf(res)).toEqual(['params.noteId']);
      expect(res.json().error.message).toContain('not changed');
    }
    expect(await t.db.retrospectiveNote.findUnique({ where: { id: membersNote } })).not.toBeNull();
    // Someone who cannot see the team still learns nothing.
    expect((await edit('outsider', membersNote, { text: 'Late edit' })).statusCode).toBe(404);
    expect((await read('viewer')).state).toBe('CLOSED');
    expect((await call('outsider', 'GET', `/sprints/${sprintId}/retrospective`)).statusCode).toBe(404);
    expect((await call('master', 'POST', `/retrospective-notes/${action.id}/card`)).statusCode).toBe(201);
  });

  it('shows the next retrospective last time’s actions and whether their cards are done', async () => {
    const next = await sprint('ACTIVE', '2026-11-16');
    const previous = (await read('member', next.id)).previous!;
    expect(previous.sprintId).toBe(sprintId);
    expect(previous.actions.map((a) => a.text).sort()).toEqual([
      'Book legal review a week before launch',
      'Write the brief before the kick-off',
    ]);
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
    const live = await note('Seen live', 'WENT_WELL', 'member', next.id);
    await stream.until((e) => e.kind === activityKinds.retrospectiveNoteAdded);
    expect((await edit('member', live.id, { text: 'Seen live, then edited' })).statusCode).toBe(200);
    await stream.until((e) => e.kind === activityKinds.retrospectiveNoteEdited);
    expect((await remove('member', live.id)).statusCode).toBe(200);
    await stream.until((e) => e.kind === activityKinds.retrospectiveNoteDeleted && e.actorId === ids.member);
    stream.close();
  });
});
