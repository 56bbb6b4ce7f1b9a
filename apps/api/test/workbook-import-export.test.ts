import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createUser, signIn, startTestApp, type TestContext, importFinished } from './support/test-app';

/** A workbook as a spreadsheet saves one, written by exceljs itself. */
async function workbook(build: (w: ExcelJS.Workbook) => void): Promise<string> {
  const w = new ExcelJS.Workbook();
  build(w);
  return Buffer.from(await w.xlsx.writeBuffer()).toString('base64');
}

/** Two sheets; the plan has a formula, a date cell, a date typed as text, a fraction of a point and a bad row. */
const campaign = (w: ExcelJS.Workbook) => {
  w.addWorksheet('Read me').addRow(['The plan is on the next sheet']);
  const sheet = w.addWorksheet('Q4 plan');
  sheet.addRow(['Title', 'Status', 'Points', 'Due', 'Owners', 'Labels', 'Description']);
  sheet.addRow(['Launch webinar', 'To do', 3, new Date(Date.UTC(2026, 11, 15)), 'owner.xlsx@demo.test', 'events']);
  sheet.addRow(['Newsletter', 'Backlog', { formula: 'C2*0.5', result: 1.5 }, '2026-12-20', '', 'email; q4']);
  sheet.addRow(['Broken row', 'To do', 'lots', { error: '#N/A' }]);
  sheet.addRow([{ formula: 'UPPER("press kit")', result: 'PRESS KIT' }, 'Done', 0, null, '', '', '=SUM(A1)']);
};

describe('Excel workbooks', () => {
  let t: TestContext;
  let cookie: string;
  let master: Awaited<ReturnType<typeof createUser>>;
  let owner: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    t = await startTestApp();
    master = await createUser(t.db, { name: 'Maya Master' });
    owner = await createUser(t.db, { name: 'Owen Xlsx', email: 'owner.xlsx@demo.test' });
    cookie = await signIn(t.app, master.email);
  }, 60_000);
  afterAll(() => t.close());

  const newTeam = () =>
    createTeam(t.db, [
      { userId: master.id, role: 'SCRUM_MASTER' },
      { userId: owner.id, role: 'MEMBER' },
    ]);
  const start = (teamId: string, body: object) =>
    t.app.inject({ method: 'POST', url: `/api/teams/${teamId}/imports`, headers: { cookie }, payload: body });
  const finished = (jobId: string) => importFinished(t.app, cookie, jobId);
  const cardsOf = (boardId: string) =>
    t.db.card.findMany({
      where: { boardId },
      orderBy: [{ column: { position: 'asc' } }, { rank: 'asc' }],
      select: {
        title: true,
        type: true,
        description: true,
        labels: true,
        estimate: true,
        dueDate: true,
        blocked: true,
        blockedReason: true,
        hypothesis: true,
        metric: true,
        column: { select: { name: true } },
        owners: { select: { userId: true } },
      },
    });

  it('imports the chosen sheet: typed cells and formula results; a bad row is skipped with its reasons', async () => {
    const team = await newTeam();
    const res = await start(team.id, {
      format: 'xlsx',
      fileName: 'q4.xlsx',
      content: await workbook(campaign),
      xlsxSheet: 'Q4 plan',
    });
    expect(res.statusCode, res.body).toBe(202);
    const job = await finished(res.json().id);
    expect(job).toMatchObject({ status: 'DONE', format: 'xlsx', total: 3, created: 3 });
    expect(job.skipped).toEqual([
      {
        ref: 'row 4',
        reason: 'estimate: "lots" is not a number of points from 0 to 1000; due date: cell D4 holds the error #N/A',
      },
    ]);
    expect(job.notes).toEqual([
      { ref: 'row 3', note: 'estimate "1.5" is rounded up to 2 points (estimates are whole points)' },
    ]);
    const cards = await cardsOf(team.board.id);
    const byTitle = Object.fromEntries(cards.map((c) => [c.title, c]));
    expect(byTitle['Launch webinar']).toMatchObject({
      estimate: 3,
      labels: ['events'],
      column: { name: 'To do' },
      owners: [{ userId: owner.id }],
    });
    expect(byTitle['Launch webinar']!.dueDate?.toISOString()).toBe('2026-12-15T00:00:00.000Z');
    expect(byTitle.Newsletter).toMatchObject({ estimate: 2, labels: ['email', 'q4'], column: { name: 'Backlog' } });
    expect(byTitle.Newsletter!.dueDate?.toISOString()).toBe('2026-12-20T00:00:00.000Z');
    // A formula's saved result is the value; text that looks like a formula is text.
    expect(byTitle['PRESS KIT']).toMatchObject({ estimate: 0, description: '=SUM(A1)', column: { name: 'Done' } });
  });

  it('refuses a file that is not a workbook, a sheet it does not have, or one too large, naming the field', async () => {
    const team = await newTeam();
    const csv = await start(team.id, { format: 'xlsx', content: Buffer.from('title\nx\n').toString('base64') });
    expect(csv.statusCode).toBe(400);
    expect(csv.json().error.fields[0]).toEqual({
      field: 'body.content',
      message: 'The file is not an Excel workbook (.xlsx): save it from the spreadsheet as "Excel Workbook"',
    });
    // A zip cut short: the start of a real workbook.
    const whole = Buffer.from(await workbook(campaign), 'base64');
    const cut = await start(team.id, { format: 'xlsx', content: whole.subarray(0, 400).toString('base64') });
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error.fields[0].field).toBe('body.content');
    const noSheet = await start(team.id, { format: 'xlsx', content: whole.toString('base64'), xlsxSheet: 'Budget' });
    expect(noSheet.statusCode).toBe(400);
    expect(noSheet.json().error.fields[0]).toEqual({
      field: 'body.xlsxSheet',
      message: 'The workbook has no sheet named "Budget"',
    });
    const noTitle = await start(team.id, { format: 'xlsx', content: whole.toString('base64') });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.message).toBe('No column is mapped to the card title');
    const huge = await start(team.id, {
      format: 'xlsx',
      content: Buffer.alloc(5 * 1024 * 1024 + 10).toString('base64'),
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.message).toMatch(/larger than 5 MB/);
    // A zip whose directory says its parts are small, though one unpacks to 70 MB.
    const bomb = new JSZip();
    bomb.file('xl/worksheets/sheet1.xml', Buffer.alloc(70 * 1024 * 1024, ' '));
    const lying = Buffer.from(await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    for (
      let at = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      at >= 0;
      at = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
    )
      lying.writeUInt32LE(100, at + 24);
    const unpacked = await start(team.id, { format: 'xlsx', content: lying.toString('base64') });
    expect(unpacked.statusCode).toBe(400);
    expect(unpacked.json().error.fields[0]).toEqual({
      field: 'body.content',
      message: 'The workbook cannot be unpacked within 64 MB: import fewer rows at once, or save it again',
    });
    expect(await t.db.importJob.count({ where: { teamId: team.id } })).toBe(0);
  });

  it('exports a board with typed cells, a frozen header and filters; imported into an empty board it gives the same cards', async () => {
    const source = await newTeam();
    await finished(
      (await start(source.id, { format: 'xlsx', content: await workbook(campaign), xlsxSheet: 'Q4 plan' })).json().id,
    );
    const experiment = await t.app.inject({
      method: 'POST',
      url: '/api/cards',
      headers: { cookie },
      payload: { columnId: source.board.columns.find((c) => c.name === 'To do')!.id, title: '+1 for the "launch"' },
    });
    const card = experiment.json().card;
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/cards/${card.id}`,
      headers: { cookie },
      payload: {
        version: card.version,
        type: 'EXPERIMENT',
        hypothesis: 'A webinar brings leads',
        metric: 'sign-ups',
        description: 'Two\nlines',
        blocked: true,
        blockedReason: 'Waiting for legal',
      },
    });
    expect(patched.statusCode, patched.body).toBe(200);

    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/boards/${source.board.id}/export.xlsx`,
      headers: { cookie },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(exported.headers['content-disposition']).toMatch(/\.xlsx"$/);
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(new Uint8Array(exported.rawPayload).buffer);
    const sheet = file.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:AA1');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const launch = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).value === 'Launch webinar')!;
    expect(launch.getCell(header.indexOf('estimate') + 1).value).toBe(3);
    expect(launch.getCell(header.indexOf('due date') + 1).value).toEqual(new Date('2026-12-15T00:00:00Z'));
    expect(launch.getCell(header.indexOf('created at') + 1).value).toBeInstanceOf(Date);
    const plus = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).value === '+1 for the "launch"')!;
    expect(plus.getCell(2).type).toBe(ExcelJS.ValueType.String);

    const target = await newTeam();
    const job = await finished(
      (await start(target.id, { format: 'xlsx', content: exported.rawPayload.toString('base64') })).json().id,
    );
    expect(job).toMatchObject({ status: 'DONE', created: 4, skipped: [] });
    expect(await cardsOf(target.board.id)).toEqual(await cardsOf(source.board.id));
  });
});
