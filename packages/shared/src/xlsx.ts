import ExcelJS from 'exceljs';
import type { SheetRecord } from './import-csv';

// Excel workbooks (.xlsx) in and out with exceljs, in the browser (loaded only when a person picks or saves a
// workbook) and in the API alike. A sheet is read into rows of text, as a CSV file is, so the CSV import's mapping,
// preview and report serve workbooks unchanged: numbers are written with a decimal point, dates as ISO dates, a
// formula as the result the spreadsheet saved with it.

/** An .xlsx is a zip: unpacked, its parts may hold at most this much, so a small file cannot unpack to gigabytes. */
export const XLSX_MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

/** A workbook that cannot be read; the message says why, for a person. */
export class WorkbookError extends Error {}

const notWorkbook = 'The file is not an Excel workbook (.xlsx): save it from the spreadsheet as "Excel Workbook"';

/**
 * What a zip file's directory says its parts unpack to, summed; null when the bytes are not a zip. Read before
 * anything is unpacked.
 */
export function zipUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The directory's end record sits in the last 22 bytes, or before a comment of up to 64 KiB.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    // A zip64 part says 0xFFFFFFFF here: more than an import may unpack in any case.
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

export interface WorkbookSheet {
  name: string;
  /** Rows with a value, numbered as the spreadsheet numbers them (from 1, the header row first). */
  records: SheetRecord[];
}

const column = (index: number) => {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

type Cell = { text: string; problem?: string };

/** A cell's value as text: what a CSV export of the sheet would hold. */
function cellText(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: String(value) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? { text: '', problem: 'holds a date the spreadsheet cannot show' }
      : // A spreadsheet's dates have no time zone: exceljs reads them as UTC, so the UTC date is the one shown.
        { text: value.toISOString().slice(0, 10) };
  if ('error' in value) return { text: '', problem: `holds the error ${value.error}` };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null)
      return { text: '', problem: 'holds a formula saved without its result: open the workbook and save it again' };
    return cellText(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  return { text: '' };
}

/**
 * Reads every worksheet of an .xlsx file into rows of text. A file that is not a workbook, or whose parts would
 * unpack to more than XLSX_MAX_UNPACKED_BYTES, throws a WorkbookError.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookSheet[]> {
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === null) throw new WorkbookError(notWorkbook);
  if (unpacked > XLSX_MAX_UNPACKED_BYTES)
    throw new WorkbookError(
      `The workbook unpacks to more than ${XLSX_MAX_UNPACKED_BYTES / 1024 / 1024} MB: import fewer rows at once`,
    );
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs takes a Node Buffer on the server and an ArrayBuffer in the browser; both views share the bytes.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw new WorkbookError(notWorkbook);
  }
  if (!workbook.worksheets.length) throw new WorkbookError(notWorkbook);
  return workbook.worksheets.map((sheet) => {
    const records: SheetRecord[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const values: string[] = [];
      const problems: Record<number, string> = {};
      for (let i = 0; i < row.cellCount; i++) {
        const cell = cellText(row.getCell(i + 1).value);
        values.push(cell.text);
        if (cell.problem) problems[i] = `cell ${column(i)}${line} ${cell.problem}`;
      }
      if (values.some((v) => v.trim() !== '') || Object.keys(problems).length)
        records.push({ line, values, ...(Object.keys(problems).length ? { problems } : {}) });
    });
    return { name: sheet.name, records };
  });
}

export type XlsxCell = string | number | boolean | Date | null | undefined;

const isoInstant = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** A text that holds an ISO date or instant, as a Date (a date alone at midnight UTC); otherwise the text. */
export function xlsxValue(value: XlsxCell): XlsxCell {
  if (typeof value !== 'string' || !isoInstant.test(value)) return value;
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : date;
}

/**
 * One sheet with a header row as an .xlsx file: numbers stay numbers and dates are dates (shown as a date, or with
 * the time when it has one), the header row is frozen and filters on. Text is stored as text whatever it
 * starts with, so "=SUM(A1)" is shown as written and never run as a formula.
 */
export async function writeWorkbook(
  name: string,
  header: readonly string[],
  rows: Iterable<readonly XlsxCell[]> | AsyncIterable<readonly XlsxCell[]>,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName(name), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  startTable(sheet, header);
  for await (const row of rows) addTableRow(sheet, row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The header row of a table, bold, with filters on and columns wide enough to read it. */
export function startTable(
  sheet: Pick<ExcelJS.Worksheet, 'addRow' | 'getColumn' | 'autoFilter'>,
  header: readonly string[],
) {
  const row = sheet.addRow([...header]);
  row.font = { bold: true };
  header.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.min(Math.max(h.length + 4, 12), 40)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(header.length, 1) } };
  return row;
}

/** A row of a table: dates become date cells (with the time when they have one), the rest as it is. */
export function addTableRow(sheet: Pick<ExcelJS.Worksheet, 'addRow'>, row: readonly XlsxCell[]) {
  const added = sheet.addRow(row.map((v) => xlsxValue(v) ?? null));
  added.eachCell((cell) => {
    if (cell.value instanceof Date)
      cell.numFmt = cell.value.getTime() % 86_400_000 === 0 ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm';
  });
  return added;
}

/** A worksheet's name: at most 31 characters, none of : \ / ? * [ ]. */
export const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
