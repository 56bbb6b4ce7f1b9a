import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '@amb/shared/csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createUser, signIn, startTestApp, type TestContext, importFinished } from './support/test-app';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name));
const base64 = (content: Buffer | string) => Buffer.from(content).toString('base64');

describe('importing into a team’s board', () => {
  let t: TestContext;
  let cookie: string;
  let memberCookie: string;
  let master: Awaited<ReturnType<typeof createUser>>;
  let sam: Awaited<ReturnType<typeof createUser>>;
  let owen: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    t = await startTestApp();
    master = await createUser(t.db, { name: 'Maya Master' });
    const member = await createUser(t.db);
    sam = await createUser(t.db, { name: 'Sam Rivera', email: 'sam.trello@demo.test' });
    owen = await createUser(t.db, { name: 'Owen Csv', email: 'owner.csv@demo.test' });
    cookie = await signIn(t.app, master.email);
    memberCookie = await signIn(t.app, member.email);
    (globalThis as { memberId?: string }).memberId = member.id;
  }, 60_000);
  afterAll(() => t.close());

  // The people the files name are on the team: only people on a team may own its cards.
  const newTeam = async () =>
    createTeam(t.db, [
      { userId: master.id, role: 'SCRUM_MASTER' },
      { userId: (globalThis as { memberId?: string }).memberId!, role: 'MEMBER' },
      { userId: sam.id, role: 'MEMBER' },
      { userId: owen.id, role: 'MEMBER' },
    ]);
  const start = (teamId: string, body: object, who = cookie) =>
    t.app.inject({ method: 'POST', url: `/api/teams/${teamId}/imports`, headers: { cookie: who }, payload: body });
  /** Waits for the background job to finish, reading its progress as the browser does. */
  const finished = (jobId: string) => importFinished(t.app, cookie, jobId);

  describe('a Trello export', () => {
    it('becomes columns and cards with labels, checklists, comments, owners, due dates, archived state and order', async () => {
      const team = await newTeam();
      const res = await start(team.id, {
        format: 'trello',
        fileName: 'spring.json',
        content: base64(fixture('trello-board.json')),
        flowCategories: { 'Up next': 'TODO', Writing: 'IN_PROGRESS', 'Old stuff': 'DONE' },
      });
      expect(res.statusCode, res.body).toBe(202);
      expect(res.json()).toMatchObject({ status: 'QUEUED', total: 7, format: 'trello', fileName: 'spring.json' });
      const job = await finished(res.json().id);
      expect(job).toMatchObject({ status: 'DONE', processed: 7, created: 7, skipped: [], error: null });

      const columns = await t.db.column.findMany({ where: { boardId: team.board.id }, orderBy: { position: 'asc' } });
      const byName = Object.fromEntries(columns.map((c) => [c.name, c]));
      expect(byName.Ideas!.flowCategory).toBe('BACKLOG');
      expect(byName['Up next']!.flowCategory).toBe('TODO');
      expect(byName.Writing!.flowCategory).toBe('IN_PROGRESS');
      expect(byName.Published!.flowCategory).toBe('DONE');
      // Lists in Trello's order after the board's own columns.
      expect(columns.map((c) => c.name).slice(-5)).toEqual(['Ideas', 'Up next', 'Writing', 'Published', 'Old stuff']);

      const cards = await t.db.card.findMany({
        where: { boardId: team.board.id },
        include: {
          owners: true,
          checklists: { include: { items: { orderBy: { position: 'asc' } } } },
          comments: { orderBy: { createdAt: 'asc' } },
        },
      });
      const email = cards.find((c) => c.title === 'Draft the launch email')!;
      expect(email).toMatchObject({
        columnId: byName.Writing!.id,
        labels: ['Email'],
        sourceId: 'trello:card-3',
        archivedAt: null,
      });
      expect(email.owners.map((o) => o.userId)).toEqual([sam.id]);
      expect(email.description).toContain('Owners in the imported file: Zoe Unknown');
      // Trello's files cannot be fetched; they are listed as links, and only web addresses are kept.
      expect(email.description).toContain(
        [
          'Attachments in Trello:',
          '- Launch email draft.docx: https://trello.com/1/cards/card-3/attachments/att-1/download/Launch_email_draft.docx',
          '- https://docs.example.com/brief: https://docs.example.com/brief',
        ].join('\n'),
      );
      expect(email.description).not.toContain('javascript:');
      expect(email.dueDate?.toISOString()).toBe('2026-12-01T17:00:00.000Z');
      expect(email.startDate?.toISOString()).toBe('2026-11-28T09:00:00.000Z');
      expect(email.startedAt).not.toBeNull();
      expect(email.checklists[0]).toMatchObject({
        title: 'Before sending',
        items: [
          { text: 'Proofread', done: true },
          { text: 'Legal check', done: false },
        ],
      });
      // Comments belong to the person who imported, saying who wrote them.
      expect(email.comments.map((c) => c.body)).toEqual([
        'Originally by Sam Rivera: First draft is in the doc.',
        'Originally by Zoe Unknown: Legal wants to see it, too.',
      ]);
      expect(email.comments.map((c) => c.authorId)).toEqual([master.id, master.id]);
      expect(cards.find((c) => c.title === 'Pick a podcast guest')!.labels).toEqual(['Social', 'red']);
      expect(cards.find((c) => c.title === 'Retired banner idea')!.archivedAt).not.toBeNull();
      expect(cards.find((c) => c.title === 'Old newsletter')!.archivedAt).not.toBeNull();
      const ideas = cards
        .filter((c) => c.columnId === byName.Ideas!.id && !c.archivedAt)
        .sort((a, b) => (a.rank < b.rank ? -1 : 1));
      expect(ideas.map((c) => c.title)).toEqual(['Brainstorm webinar topics', 'Pick a podcast guest']);
      // Each card's creation is in the history, with its place.
      expect(await t.db.activity.count({ where: { boardId: team.board.id, kind: 'card.created' } })).toBe(7);
      expect(await t.db.activity.count({ where: { boardId: team.board.id, kind: 'card.archived' } })).toBe(2);

      // The same file again adds nothing and says why.
      const again = await finished(
        (await start(team.id, { format: 'trello', content: base64(fixture('trello-board.json')) })).json().id,
      );
      expect(again).toMatchObject({ status: 'DONE', created: 0, processed: 7 });
      expect(again.skipped).toHaveLength(7);
      expect(again.skipped[0]!.reason).toBe('already imported from this source');
      expect(await t.db.card.count({ where: { boardId: team.board.id } })).toBe(7);
      expect(await t.db.column.count({ where: { boardId: team.board.id } })).toBe(columns.length);
    });

    it('refuses a file that is not JSON, or not a Trello export, naming the field; nothing is written', async () => {
      const team = await newTeam();
      const notJson = await start(team.id, { format: 'trello', content: base64('{"lists": [') });
      expect(notJson.statusCode).toBe(400);
      expect(notJson.json().error.fields[0].field).toBe('body.content');
      expect(notJson.json().error.message).toMatch(/not JSON/);
      const wrong = JSON.parse(fixture('trello-board.json').toString());
      wrong.cards[2].name = 42;
      const notTrello = await start(team.id, { format: 'trello', content: base64(JSON.stringify(wrong)) });
      expect(notTrello.statusCode).toBe(400);
      expect(notTrello.json().error.fields[0].field).toBe('body.content.cards.2.name');
      expect(await t.db.importJob.count({ where: { teamId: team.id } })).toBe(0);
      expect(await t.db.card.count({ where: { boardId: team.board.id } })).toBe(0);
    });
  });

  describe('a CSV file', () => {
    it('imports quoted commas and line breaks, skips empty rows, keeps unknown owners as text, and reports bad rows', async () => {
      const team = await newTeam();
      const res = await start(team.id, {
        format: 'csv',
        content: base64(fixture('awkward.csv')),
        csvMapping: { 'due date': 'dueDate' },
      });
      expect(res.statusCode, res.body).toBe(202);
      const job = await finished(res.json().id);
      expect(job).toMatchObject({ status: 'DONE', total: 3, created: 3 });
      expect(job.skipped).toEqual([
        { ref: 'row 7', reason: 'estimate: "lots" is not a number of points from 0 to 1000' },
        { ref: 'row 8', reason: 'column: the board has no column named "Somewhere"' },
      ]);
      const cards = await t.db.card.findMany({
        where: { boardId: team.board.id },
        include: { owners: { include: { user: true } }, column: true },
      });
      const launch = cards.find((c) => c.title === 'Launch, part 2')!;
      expect(launch).toMatchObject({ description: 'Line one\nline two', labels: ['email', 'q3'], estimate: 3 });
      expect(launch.column.name).toBe('To do');
      expect(launch.dueDate?.toISOString().slice(0, 10)).toBe('2026-12-24');
      expect(launch.owners.map((o) => o.user.email)).toEqual(['owner.csv@demo.test']);
      expect(cards.find((c) => c.title === 'He said "go"')!.column.name).toBe('Done');
      expect(cards.find((c) => c.title === 'Unknown owner card')!.description).toBe(
        'Owners in the imported file: nobody@elsewhere.test',
      );

      const again = await finished(
        (
          await start(team.id, {
            format: 'csv',
            content: base64(fixture('awkward.csv')),
            csvMapping: { 'due date': 'dueDate' },
          })
        ).json().id,
      );
      expect(again.created).toBe(0);
      expect(await t.db.card.count({ where: { boardId: team.board.id } })).toBe(3);
    });

    it('reads start dates in the due dates’ format, and skips a row that starts after it is due', async () => {
      const team = await newTeam();
      const csv =
        'Title;Starts;Fällig\r\nMesse;12.12.2026;15.12.2026\r\nRückwärts;16.12.2026;15.12.2026\r\nOffen;01.12.2026;\r\n';
      const job = await finished(
        (
          await start(team.id, {
            format: 'csv',
            content: base64(csv),
            csvMapping: { Title: 'title', Starts: 'startDate', Fällig: 'dueDate' },
          })
        ).json().id,
      );
      expect(job).toMatchObject({ status: 'DONE', created: 2 });
      expect(job.skipped).toEqual([
        { ref: 'row 3', reason: 'start date: 16.12.2026 is after the due date 15.12.2026' },
      ]);
      const cards = await t.db.card.findMany({ where: { boardId: team.board.id }, orderBy: { title: 'asc' } });
      expect(cards.map((c) => [c.title, c.startDate?.toISOString(), c.dueDate?.toISOString() ?? null])).toEqual([
        ['Messe', '2026-12-12T00:00:00.000Z', '2026-12-15T00:00:00.000Z'],
        ['Offen', '2026-12-01T00:00:00.000Z', null],
      ]);
    });

    it('reads CSV as Excel saves it: German Windows-1252 with semicolons and CRLF, UTF-8 with a mark, UTF-16 text with tabs', async () => {
      const team = await newTeam();
      const mapping = { Titel: 'title', Spalte: 'column' };
      // Excel in a German locale: Windows-1252 bytes (ä is 0xE4), semicolons, CRLF, a semicolon inside quotes.
      const german = Buffer.from(
        'Titel;Spalte;Beschreibung\r\nMärz-Kampagne;To do;"Flyer; Plakate"\r\nGrüße an Kunden;Done;Öffnungszeiten\r\n',
        'latin1',
      );
      const imported = async (content: Buffer, csvMapping: object) =>
        (await finished((await start(team.id, { format: 'csv', content: base64(content), csvMapping })).json().id))
          .created;
      expect(await imported(german, { ...mapping, Beschreibung: 'description' })).toBe(2);
      const cards = await t.db.card.findMany({ where: { boardId: team.board.id }, orderBy: { title: 'asc' } });
      expect(cards.map((c) => [c.title, c.description])).toEqual([
        ['Grüße an Kunden', 'Öffnungszeiten'],
        ['März-Kampagne', 'Flyer; Plakate'],
      ]);
      // "CSV UTF-8" from the same Excel: a byte-order mark, still semicolons.
      const utf8 = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('Titel;Spalte\r\nÜbersicht;To do\r\n', 'utf8'),
      ]);
      expect(await imported(utf8, mapping)).toBe(1);
      // "Unicode Text": UTF-16 little endian with its mark, tabs between fields.
      const utf16 = Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('Titel\tSpalte\r\nZahlen prüfen\tDone\r\n', 'utf16le'),
      ]);
      expect(await imported(utf16, mapping)).toBe(1);
      expect(await t.db.card.count({ where: { boardId: team.board.id, title: 'Zahlen prüfen' } })).toBe(1);
      // The delimiter the person chose wins over the detected one: split by comma, the header is one column.
      const chosen = await start(team.id, {
        format: 'csv',
        content: base64('title;column\r\nx;To do\r\n'),
        csvDelimiter: ',',
      });
      expect(chosen.statusCode).toBe(400);
      expect(chosen.json().error.message).toBe('No column is mapped to the card title');
      const unknown = await start(team.id, { format: 'csv', content: base64('title\nx\n'), csvDelimiter: ':' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.fields[0].field).toBe('body.csvDelimiter');
    });

    it('reads decimal commas and dates in the file’s own format, rounds a fraction of a point up and skips a date it cannot read', async () => {
      const team = await newTeam();
      const german = Buffer.from(
        'Titel;Schätzung;Fällig\r\nFlyer;2,5;15.12.2026\r\nPlakat;3;31.02.2026\r\nWebseite;;12/15/2026\r\nMesse;1;2027-01-04\r\n',
        'latin1',
      );
      const job = await finished(
        (
          await start(team.id, {
            format: 'csv',
            content: base64(german),
            csvMapping: { Titel: 'title', Schätzung: 'estimate', Fällig: 'dueDate' },
          })
        ).json().id,
      );
      expect(job.created).toBe(2);
      expect(job.skipped).toEqual([
        { ref: 'row 3', reason: 'due date: "31.02.2026" is not a date in the DD.MM.YYYY format' },
        { ref: 'row 4', reason: 'due date: "12/15/2026" is not a date in the DD.MM.YYYY format' },
      ]);
      expect(job.notes).toContainEqual({
        ref: 'row 2',
        note: 'estimate "2,5" is rounded up to 3 points (estimates are whole points)',
      });
      const cards = await t.db.card.findMany({ where: { boardId: team.board.id }, orderBy: { title: 'asc' } });
      expect(cards.map((c) => [c.title, c.estimate, c.dueDate?.toISOString()])).toEqual([
        ['Flyer', 3, '2026-12-15T00:00:00.000Z'],
        ['Messe', 1, '2027-01-04T00:00:00.000Z'],
      ]);
      // 05/06/2026 reads both ways: the format the person chose decides.
      const us = await finished(
        (
          await start(team.id, {
            format: 'csv',
            content: base64('title,due\r\nLaunch,05/06/2026\r\n'),
            csvDateFormat: 'MM/DD/YYYY',
          })
        ).json().id,
      );
      expect(us.created).toBe(1);
      const launch = await t.db.card.findFirstOrThrow({ where: { boardId: team.board.id, title: 'Launch' } });
      expect(launch.dueDate?.toISOString()).toBe('2026-05-06T00:00:00.000Z');
      const unknown = await start(team.id, { format: 'csv', content: base64('title\nx\n'), csvDateFormat: 'D/M' });
      expect(unknown.json().error.fields[0].field).toBe('body.csvDateFormat');
    });

    it('refuses a broken quote, a file too large or not base64, naming where; nothing is written', async () => {
      const team = await newTeam();
      const broken = await start(team.id, { format: 'csv', content: base64(fixture('broken-quote.csv')) });
      expect(broken.statusCode).toBe(400);
      expect(broken.json().error.fields[0]).toEqual({
        field: 'body.content.line 3',
        message: 'Line 3: a quoted value is never closed',
      });
      const huge = await start(team.id, { format: 'csv', content: base64(Buffer.alloc(5 * 1024 * 1024 + 10, 'a')) });
      expect(huge.statusCode).toBe(400);
      expect(huge.json().error.message).toMatch(/larger than 5 MB/);
      const garbage = await start(team.id, { format: 'csv', content: 'this is not base64!' });
      expect(garbage.statusCode).toBe(400);
      const noTitle = await start(team.id, {
        format: 'csv',
        content: base64('name,column\nx,To do\n'),
        csvMapping: { name: 'ignore' },
      });
      expect(noTitle.statusCode).toBe(400);
      expect(noTitle.json().error.message).toBe('No column is mapped to the card title');
      expect(await t.db.importJob.count({ where: { teamId: team.id } })).toBe(0);
      expect(await t.db.card.count({ where: { boardId: team.board.id } })).toBe(0);
    });
  });

  describe('a board export', () => {
    it('imported into an empty team gives the same board', async () => {
      const source = await newTeam();
      await finished(
        (await start(source.id, { format: 'trello', content: base64(fixture('trello-board.json')) })).json().id,
      );
      const [a, b] = await t.db.card.findMany({ where: { boardId: source.board.id, archivedAt: null }, take: 2 });
      await t.db.cardLink.create({ data: { fromCardId: a!.id, toCardId: b!.id, kind: 'DEPENDS_ON' } });
      await t.db.card.update({
        where: { id: a!.id },
        data: { startDate: new Date('2026-12-12T00:00:00Z'), dueDate: new Date('2026-12-15T00:00:00Z') },
      });
      const exported = await t.app.inject({
        method: 'GET',
        url: `/api/boards/${source.board.id}/export.json`,
        headers: { cookie },
      });
      expect(exported.statusCode).toBe(200);

      const target = await newTeam();
      const job = await finished(
        (await start(target.id, { format: 'board', content: base64(exported.body) })).json().id,
      );
      expect(job).toMatchObject({ status: 'DONE', created: 7 });
      const shape = async (boardId: string) => {
        const columns = await t.db.column.findMany({
          where: { boardId },
          orderBy: { position: 'asc' },
          select: { name: true, flowCategory: true, wipLimit: true, wipPolicy: true },
        });
        const cards = await t.db.card.findMany({
          where: { boardId },
          orderBy: [{ column: { position: 'asc' } }, { rank: 'asc' }],
          select: {
            title: true,
            description: true,
            labels: true,
            rank: true,
            estimate: true,
            startDate: true,
            dueDate: true,
            archivedAt: true,
            column: { select: { name: true } },
            owners: { select: { userId: true } },
            comments: { select: { body: true }, orderBy: { createdAt: 'asc' } },
            checklists: {
              select: { title: true, items: { select: { text: true, done: true }, orderBy: { position: 'asc' } } },
            },
            linksFrom: { select: { kind: true, toCard: { select: { title: true } } } },
          },
        });
        return { columns, cards: cards.map((c) => ({ ...c, archivedAt: c.archivedAt !== null })) };
      };
      expect(await shape(target.board.id)).toEqual(await shape(source.board.id));
      const withStart = exported.json().cards.find((c: { id: string }) => c.id === a!.id);
      expect(withStart).toMatchObject({ startDate: '2026-12-12T00:00:00.000Z', dueDate: '2026-12-15T00:00:00.000Z' });
      const csv = await t.app.inject({
        method: 'GET',
        url: `/api/boards/${source.board.id}/export.csv`,
        headers: { cookie },
      });
      const [header, ...rows] = parseCsv(csv.body).map((r) => r.values);
      const startAt = header!.indexOf('start date');
      expect(startAt).toBeGreaterThan(-1);
      const row = rows.find((r) => r[0] === a!.id)!;
      expect(row[startAt]).toBe('2026-12-12');

      // A file exported before cards had start dates still imports.
      const older = exported.json();
      for (const card of older.cards) delete card.startDate;
      const olderTarget = await newTeam();
      const olderJob = await finished(
        (await start(olderTarget.id, { format: 'board', content: base64(JSON.stringify(older)) })).json().id,
      );
      expect(olderJob).toMatchObject({ status: 'DONE', created: 7 });
      expect(await t.db.card.count({ where: { boardId: olderTarget.board.id, startDate: { not: null } } })).toBe(0);

      // A file edited by hand to start a card after it is due: the card keeps its due date, without the start.
      const edited = exported.json();
      const backwards = edited.cards.find((c: { id: string }) => c.id === a!.id);
      backwards.startDate = '2026-12-20T00:00:00.000Z';
      const editedTarget = await newTeam();
      const editedJob = await finished(
        (await start(editedTarget.id, { format: 'board', content: base64(JSON.stringify(edited)) })).json().id,
      );
      expect(editedJob).toMatchObject({ status: 'DONE', created: 7 });
      expect(editedJob.notes).toContainEqual({
        ref: `card "${backwards.title}"`,
        note: 'its start date 2026-12-20 is after its due date 2026-12-15, so it was left out',
      });
      const kept = await t.db.card.findFirstOrThrow({
        where: { boardId: editedTarget.board.id, title: backwards.title },
      });
      expect([kept.startDate, kept.dueDate?.toISOString()]).toEqual([null, '2026-12-15T00:00:00.000Z']);
      const refused = await start(target.id, { format: 'board', content: base64(fixture('trello-board.json')) });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields[0].field).toBe('body.content.format');
    });
  });

  it('is for scrum masters and admins; a member may not import', async () => {
    const team = await newTeam();
    const res = await start(team.id, { format: 'csv', content: base64('title\nA card\n') }, memberCookie);
    expect(res.statusCode).toBe(403);
  });
});
