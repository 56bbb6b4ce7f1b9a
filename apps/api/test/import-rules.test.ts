import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createUser, signIn, startTestApp, type TestContext, importFinished } from './support/test-app';

// An import keeps the rules the API keeps for a person: archived cards come in archived, one card that cannot be
// written never sinks the others, people read plain words, no title is cut without a word, only people on the team
// own its cards and no one is put over a hard personal WIP limit, comments belong to whoever imported, and text
// that cannot be stored is cleaned and said.

const base64 = (content: string) => Buffer.from(content).toString('base64');

/** A small Trello export: lists "Ideas" and "Doing", and the given cards (with their checklists and comments). */
function trelloFile(
  cards: {
    id: string;
    name: string;
    desc?: string;
    list?: string;
    closed?: boolean;
    members?: string[];
    labels?: string[];
  }[],
  extra: { checklists?: object[]; actions?: object[]; members?: object[]; lists?: object[] } = {},
) {
  return JSON.stringify({
    name: 'Rules',
    lists: extra.lists ?? [
      { id: 'l-ideas', name: 'Ideas', pos: 1 },
      { id: 'l-doing', name: 'Doing', pos: 2 },
    ],
    labels: [{ id: 'lab-1', name: 'Email', color: 'blue' }],
    members: extra.members ?? [],
    cards: cards.map((c, i) => ({
      id: c.id,
      name: c.name,
      desc: c.desc ?? '',
      idList: c.list ?? 'l-ideas',
      idLabels: c.labels ?? [],
      idMembers: c.members ?? [],
      closed: c.closed ?? false,
      pos: i + 1,
    })),
    checklists: extra.checklists ?? [],
    actions: extra.actions ?? [],
  });
}

describe('an import keeps the rules', () => {
  let t: TestContext;
  let cookie: string;
  let master: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    t = await startTestApp();
    master = await createUser(t.db, { name: 'Maya Master' });
    cookie = await signIn(t.app, master.email);
  }, 60_000);
  afterAll(() => t.close());

  const start = (teamId: string, body: object) =>
    t.app.inject({ method: 'POST', url: `/api/teams/${teamId}/imports`, headers: { cookie }, payload: body });
  const finished = (jobId: string) => importFinished(t.app, cookie, jobId);
  async function importTrello(teamId: string, file: string) {
    const res = await start(teamId, {
      format: 'trello',
      fileName: 'rules.json',
      content: base64(file),
      flowCategories: { Doing: 'IN_PROGRESS' },
    });
    expect(res.statusCode, res.body).toBe(202);
    return { job: await finished(res.json().id), requestId: String(res.headers['x-request-id']) };
  }
  const newTeam = () => createTeam(t.db, [{ userId: master.id, role: 'SCRUM_MASTER' }]);

  it('brings an archived card in archived, with its checklist, comments and labels, and it can be restored', async () => {
    const team = await newTeam();
    const file = trelloFile(
      [
        { id: 'c1', name: 'Old launch', closed: true, labels: ['lab-1'] },
        { id: 'c2', name: 'Open one' },
      ],
      {
        checklists: [{ idCard: 'c1', name: 'Steps', checkItems: [{ name: 'Write', state: 'complete' }] }],
        actions: [
          {
            type: 'commentCard',
            date: '2026-11-01T10:00:00.000Z',
            data: { text: 'Done last year.', card: { id: 'c1' } },
            memberCreator: { fullName: 'Zoe' },
          },
        ],
      },
    );
    const { job } = await importTrello(team.id, file);
    expect(job).toMatchObject({ status: 'DONE', created: 2, skipped: [], error: null });
    const card = await t.db.card.findFirstOrThrow({
      where: { boardId: team.board.id, title: 'Old launch' },
      include: { checklists: { include: { items: true } }, comments: true },
    });
    expect(card.archivedAt).not.toBeNull();
    expect(card.labels).toEqual(['Email']);
    expect(card.checklists[0]).toMatchObject({ title: 'Steps', items: [{ text: 'Write', done: true }] });
    expect(card.comments.map((c) => c.body)).toEqual(['Originally by Zoe: Done last year.']);
    const restored = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${card.id}/restore`,
      headers: { cookie },
      payload: { version: card.version },
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect((await t.db.card.findUniqueOrThrow({ where: { id: card.id } })).archivedAt).toBeNull();
  });

  it('imports the cards it can when one cannot be written, and reports that one in plain words with a reference', async () => {
    const team = await newTeam();
    // The database refuses this one card, as it might refuse a card for a reason no check foresaw.
    await t.db.$executeRawUnsafe(`CREATE FUNCTION test_refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.title = 'Poison' THEN RAISE EXCEPTION 'internal detail % AMB99', NEW.id USING ERRCODE = 'XX001'; END IF; RETURN NEW; END $$`);
    await t.db.$executeRawUnsafe(
      `CREATE TRIGGER test_refuse_poison BEFORE INSERT ON cards FOR EACH ROW EXECUTE FUNCTION test_refuse_poison()`,
    );
    try {
      const { job, requestId } = await importTrello(
        team.id,
        trelloFile([
          { id: 'a', name: 'First' },
          { id: 'p', name: 'Poison' },
          { id: 'b', name: 'Last' },
        ]),
      );
      expect(job).toMatchObject({ status: 'DONE', processed: 3, created: 2, error: null });
      expect(job.skipped).toEqual([
        {
          ref: 'card "Poison"',
          reason: `it could not be saved because of an unexpected error (reference ${requestId})`,
        },
      ]);
      expect(JSON.stringify(job)).not.toMatch(/AMB99|prisma|invocation|internal detail/i);
      const titles = (await t.db.card.findMany({ where: { boardId: team.board.id }, select: { title: true } }))
        .map((c) => c.title)
        .sort();
      expect(titles).toEqual(['First', 'Last']);
    } finally {
      await t.db.$executeRawUnsafe('DROP TRIGGER test_refuse_poison ON cards');
      await t.db.$executeRawUnsafe('DROP FUNCTION test_refuse_poison()');
    }
  });

  it('keeps a title longer than a card takes whole in the description, and says so', async () => {
    const team = await newTeam();
    const long = `${'Quarterly launch plan with every channel named '.repeat(7)}and the end`.trim();
    expect(long.length).toBeGreaterThan(300);
    const { job } = await importTrello(team.id, trelloFile([{ id: 'l', name: long, desc: 'The brief.' }]));
    expect(job).toMatchObject({ status: 'DONE', created: 1 });
    const card = await t.db.card.findFirstOrThrow({ where: { boardId: team.board.id } });
    expect(card.title.length).toBeLessThanOrEqual(200);
    expect(card.title.endsWith('…')).toBe(true);
    expect(long.startsWith(card.title.slice(0, -1))).toBe(true);
    expect(card.description).toBe(`Full title: ${long}\n\nThe brief.`);
    expect(job.notes).toEqual([
      {
        ref: expect.stringMatching(/^card "Quarterly launch plan/),
        note: expect.stringMatching(/longer than 200 characters.*kept whole at the top of its description/),
      },
    ]);
  });

  it('makes owners only of people on the team, and of no one a card in progress would put over a hard WIP limit', async () => {
    const onTeam = await createUser(t.db, { name: 'Olga Onteam' });
    const outsider = await createUser(t.db, { name: 'Otto Outsider' });
    const busy = await createUser(t.db, { name: 'Bea Busy' });
    await t.db.user.update({ where: { id: busy.id }, data: { wipLimit: 1, wipPolicy: 'HARD' } });
    const team = await createTeam(t.db, [
      { userId: master.id, role: 'SCRUM_MASTER' },
      { userId: onTeam.id, role: 'MEMBER' },
      { userId: busy.id, role: 'MEMBER' },
    ]);
    const members = [onTeam, outsider, busy].map((u) => ({ id: `m-${u.id}`, fullName: u.name, email: u.email }));
    const file = trelloFile(
      [
        { id: 'w1', name: 'First in progress', list: 'l-doing', members: [`m-${busy.id}`, `m-${onTeam.id}`] },
        { id: 'w2', name: 'Second in progress', list: 'l-doing', members: [`m-${busy.id}`, `m-${outsider.id}`] },
        { id: 'w3', name: 'An idea', list: 'l-ideas', members: [`m-${busy.id}`] },
      ],
      { members },
    );
    const { job } = await importTrello(team.id, file);
    expect(job).toMatchObject({ status: 'DONE', created: 3 });
    const cards = await t.db.card.findMany({ where: { boardId: team.board.id }, include: { owners: true } });
    const owners = (title: string) =>
      cards
        .find((c) => c.title === title)!
        .owners.map((o) => o.userId)
        .sort();
    expect(owners('First in progress')).toEqual([busy.id, onTeam.id].sort());
    // Bea is at her hard limit of 1 after the first card; Otto is not on the team.
    expect(owners('Second in progress')).toEqual([]);
    expect(owners('An idea')).toEqual([busy.id]);
    const second = cards.find((c) => c.title === 'Second in progress')!;
    expect(second.description).toContain(`Owners in the imported file: ${outsider.email}`);
    expect(second.description).toContain('left out at their WIP limit: Bea Busy');
    expect(job.notes).toEqual([
      {
        ref: 'card "Second in progress"',
        note: `not made owners, as they are not on the team (kept as text in the description): ${outsider.email}`,
      },
      {
        ref: 'card "Second in progress"',
        note: 'not made owners, as the card is in progress and they would go over their limit (kept as text in the description): Bea Busy (at their hard WIP limit of 1)',
      },
    ]);
  });

  it('gives comments to the person who imported, even when the file names a real account as their author', async () => {
    const alex = await createUser(t.db, { name: 'Alex Admin' });
    const source = await newTeam();
    const card = await t.db.card.create({
      data: {
        boardId: source.board.id,
        columnId: source.board.columns[0]!.id,
        rank: 'n',
        title: 'Spoofed',
        createdById: master.id,
      },
    });
    await t.db.comment.create({ data: { cardId: card.id, authorId: alex.id, body: 'I approve.' } });
    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/boards/${source.board.id}/export.json`,
      headers: { cookie },
    });
    expect(exported.body).toContain(alex.email);
    const target = await newTeam();
    const res = await start(target.id, { format: 'board', content: base64(exported.body) });
    expect(res.statusCode, res.body).toBe(202);
    expect(await finished(res.json().id)).toMatchObject({ status: 'DONE', created: 1 });
    const comments = await t.db.comment.findMany({ where: { card: { boardId: target.board.id } } });
    expect(comments.map((c) => ({ authorId: c.authorId, body: c.body }))).toEqual([
      { authorId: master.id, body: `Originally by ${alex.email}: I approve.` },
    ]);
  });

  it('cleans NUL characters and lone surrogates out of names and descriptions, and says which cards', async () => {
    const team = await newTeam();
    const file = trelloFile(
      [
        { id: 'n', name: 'Launch\u0000 plan', desc: 'Half an emoji: \ud800 here' },
        { id: 'ok', name: 'Fine' },
      ],
      {
        lists: [
          { id: 'l-ideas', name: 'Ide\u0000as', pos: 1 },
          { id: 'l-doing', name: 'Doing', pos: 2 },
        ],
      },
    );
    // JSON.stringify writes the lone surrogate as the escape \ud800, as Trello's file would.
    expect(file).toContain('\\ud800');
    const { job } = await importTrello(team.id, file);
    expect(job).toMatchObject({ status: 'DONE', created: 2, skipped: [] });
    const card = await t.db.card.findFirstOrThrow({
      where: { boardId: team.board.id, title: 'Launch plan' },
      include: { column: true },
    });
    expect(card.description).toBe('Half an emoji: \ufffd here');
    expect(card.column.name).toBe('Ideas');
    expect(job.notes).toEqual([
      { ref: 'column "Ideas"', note: 'characters that cannot be stored were taken out of its name' },
      { ref: 'card "Launch plan"', note: expect.stringMatching(/^characters that cannot be stored/) },
    ]);
  });

  it('refuses a fourth import while a team has three waiting or under way, with a 429 that says why', async () => {
    const team = await newTeam();
    // Three imports under way (a live lease), so none of them is taken for dead or finished meanwhile.
    for (let i = 0; i < 3; i++) {
      await t.db.importJob.create({
        data: {
          teamId: team.id,
          boardId: team.board.id,
          createdById: master.id,
          format: 'csv',
          fileName: 'x.csv',
          plan: {},
          total: 0,
          status: 'RUNNING',
          heartbeatAt: new Date(),
        },
      });
    }
    const res = await start(team.id, { format: 'csv', content: base64('title\nOne more\n') });
    expect(res.statusCode).toBe(429);
    expect(res.json().error).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'This team already has 3 imports waiting or under way; import again once one has finished',
    });
    // Another team is not held up by it.
    const other = await newTeam();
    const ok = await start(other.id, { format: 'csv', content: base64('title\nOne more\n') });
    expect(ok.statusCode).toBe(202);
    expect(await finished(ok.json().id)).toMatchObject({ status: 'DONE', created: 1 });
  });
});
