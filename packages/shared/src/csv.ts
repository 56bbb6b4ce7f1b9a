// CSV as spreadsheets write it (RFC 4180): comma-separated, fields quoted with " when they hold a comma, a quote
// or a line break, "" for a quote inside. The one writer for every export (the board's in the API, tables and charts
// in the browser), and the reader of CSV imports.

/** A value that a spreadsheet would run as a formula gets a leading apostrophe, so an export cannot attack its reader. */
const formulaStart = /^[=+\-@\t\r]/;

export type CsvCell = string | number | boolean | null | undefined;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvCell[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A whole file: the header row, then the rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map(csvRow).join('');
}

/** Undoes the export's guard against formulas: `'=SUM(A1)` reads back as `=SUM(A1)`. */
export function unguardCsvValue(value: string): string {
  return value.length > 1 && value[0] === "'" && formulaStart.test(value.slice(1)) ? value.slice(1) : value;
}

export class CsvError extends Error {
  constructor(
    message: string,
    /** The line of the file (from 1) where the problem is. */
    readonly line: number,
  ) {
    super(message);
  }
}

export interface CsvRecord {
  /** The line of the file (from 1) where the record starts. */
  line: number;
  values: string[];
}

/**
 * Reads a CSV text into records. A byte-order mark is dropped; rows with only empty values are skipped. A quote
 * left open, or text right after a closing quote, throws a CsvError naming the line.
 */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let values: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let quoteLine = 0;
  const endRecord = () => {
    values.push(field);
    if (values.some((v) => v.trim() !== '')) records.push({ line: recordLine, values });
    values = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
          throw new CsvError(`Line ${line}: a quoted value must end at a comma or the end of the line`, line);
        continue;
      }
      if (ch === '\n') line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      i++;
    } else if (ch === ',') {
      values.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else if (ch === '"') {
      throw new CsvError(
        `Line ${line}: a quote in the middle of a value must be inside a quoted value ("" for a quote)`,
        line,
      );
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new CsvError(`Line ${quoteLine}: a quoted value is never closed`, quoteLine);
  if (field !== '' || values.length) endRecord();
  return records;
}
