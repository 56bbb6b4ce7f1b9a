import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { planWorkbookImport } from './import-csv';
import { readWorkbook, writeWorkbook, WorkbookError, zipUnpackedSize } from './xlsx';

/** A workbook as a spreadsheet saves one, built with exceljs itself. */
async function plan(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const campaign = (workbook: ExcelJS.Workbook) => {
  const notes = workbook.addWorksheet('Notes');
  notes.addRow(['Read me first']);
  const sheet = workbook.addWorksheet('Plan');
  sheet.addRow(['Title', 'Status', 'Points', 'Due', 'Owners']);
  sheet.addRow(['Launch webinar', 'Backlog', 3, new Date(Date.UTC(2026, 11, 15)), 'alex@demo.test']);
  // A formula with the result the spreadsheet saved, and an estimate with a fraction.
  sheet.addRow(['Newsletter', 'Backlog', { formula: 'B2*0.5', result: 2.5 }, '2026-12-20', '']);
  // A bad row: the estimate is text, the date cell holds an error.
  sheet.addRow(['Broken row', 'Backlog', 'lots', { error: '#N/A' }, '']);
  sheet.addRow(['=HYPERLINK("x")', 'Backlog', null, null, '']);
};

describe('reading a workbook', () => {
  it('reads each sheet: numbers, dates, formula results and text, rows numbered as the spreadsheet does', async () => {
    const sheets = await readWorkbook(await plan(campaign));
    expect(sheets.map((s) => s.name)).toEqual(['Notes', 'Plan']);
    const rows = sheets[1]!.records;
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[1]!.values).toEqual(['Launch webinar', 'Backlog', '3', '2026-12-15', 'alex@demo.test']);
    expect(rows[2]!.values.slice(2, 4)).toEqual(['2.5', '2026-12-20']);
    expect(rows[3]!.problems).toEqual({ 3: 'cell D4 holds the error #N/A' });
  });

  it('feeds the chosen sheet to the CSV import: a bad row is skipped with its reasons, the others go in', async () => {
    const preview = planWorkbookImport(await readWorkbook(await plan(campaign)), 'Plan', ['Backlog', 'Done']);
    expect(preview.sheets).toEqual(['Notes', 'Plan']);
    expect(preview.mapping).toMatchObject({ Title: 'title', Status: 'column', Points: 'estimate', Due: 'dueDate' });
    expect(preview.plan.cards.map((c) => [c.title, c.estimate, c.dueDate])).toEqual([
      ['Launch webinar', 3, '2026-12-15T00:00:00.000Z'],
      ['Newsletter', 3, '2026-12-20T00:00:00.000Z'],
      ['=HYPERLINK("x")', null, null],
    ]);
    expect(preview.plan.skipped).toEqual([
      {
        ref: 'row 4',
        reason: 'estimate: "lots" is not a number of points from 0 to 1000; due date: cell D4 holds the error #N/A',
      },
    ]);
    expect(preview.plan.notes).toEqual([
      { ref: 'row 3', note: 'estimate "2.5" is rounded up to 3 points (estimates are whole points)' },
    ]);
  });

  it('refuses a sheet the workbook does not have, and a file that is not a workbook', async () => {
    const sheets = await readWorkbook(await plan(campaign));
    expect(() => planWorkbookImport(sheets, 'Budget', [])).toThrow('The workbook has no sheet named "Budget"');
    await expect(readWorkbook(new TextEncoder().encode('title\nx\n'))).rejects.toThrow(WorkbookError);
    // A zip that is not a workbook.
    const zip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    expect(zipUnpackedSize(zip)).toBe(0);
    await expect(readWorkbook(zip)).rejects.toThrow('not an Excel workbook');
  });

  it('refuses a formula saved without its result, on its own row', async () => {
    const bytes = await plan((w) => {
      const sheet = w.addWorksheet('Plan');
      sheet.addRow(['Title', 'Points']);
      sheet.addRow(['Good', 1]);
      sheet.addRow([{ formula: 'CONCAT("a","b")' }, 1]);
    });
    const preview = planWorkbookImport(await readWorkbook(bytes), undefined, ['Backlog']);
    expect(preview.plan.cards.map((c) => c.title)).toEqual(['Good']);
    expect(preview.plan.skipped[0]!.reason).toContain('cell A3 holds a formula saved without its result');
  });
});

describe('writing a workbook', () => {
  it('writes numbers as numbers, dates as dates and formula-like text as text, with a frozen header and filters', async () => {
    const bytes = await writeWorkbook(
      'Board',
      ['title', 'estimate', 'due date', 'created at'],
      [
        ['=SUM(A1)', 3, '2026-12-15', '2026-12-01T09:30:00.000Z'],
        ['+1 call', null, null, new Date(Date.UTC(2026, 0, 2))],
      ],
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.slice().buffer);
    const sheet = workbook.getWorksheet('Board')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:D1');
    const row = sheet.getRow(2);
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(1).value).toBe('=SUM(A1)');
    expect(row.getCell(2).value).toBe(3);
    expect(row.getCell(3).value).toEqual(new Date('2026-12-15T00:00:00Z'));
    expect(row.getCell(3).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(4).value).toEqual(new Date('2026-12-01T09:30:00Z'));
    expect(sheet.getRow(3).getCell(1).type).toBe(ExcelJS.ValueType.String);
    // Read back as the import reads it.
    const [read] = await readWorkbook(bytes);
    expect(read!.records[1]!.values.slice(0, 3)).toEqual(['=SUM(A1)', '3', '2026-12-15']);
  });

  it('has no formula anywhere in the sheet it writes', async () => {
    const bytes = await writeWorkbook('x', ['a'], [['=1+1'], ['@cmd'], ['-2+3']]);
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).not.toContain('<f>');
  });
});
