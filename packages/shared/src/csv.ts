import Papa from 'papaparse';
import type { CsvDelimiter } from './text-file';

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
 * Reads a CSV text into records with Papa Parse, fields split by the given delimiter (comma unless told). A
 * byte-order mark is dropped; rows with only empty values are skipped. A quote left open throws a CsvError naming
 * the line where it opened; a stray quote inside a value is kept as text, as spreadsheets do.
 */
export function parseCsv(input: string, delimiter: CsvDelimiter = ','): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let start = 0;
  let line = 1;
  // Lines before an offset, counted on from the last offset asked for (records come in order).
  let counted = 0;
  const lineAt = (offset: number) => {
    for (; counted < offset; counted++) if (text[counted] === '\n') line++;
    return line;
  };
  let broken: CsvError | null = null;
  Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    escapeChar: '"',
    step: (result) => {
      const from = lineAt(start);
      if (!broken && result.errors.some((e) => e.code === 'MissingQuotes'))
        broken = new CsvError(`Line ${from}: a quoted value is never closed`, from);
      if (result.data.some((v) => v.trim() !== '')) records.push({ line: from, values: result.data });
      start = result.meta.cursor;
      // The cursor stops before the line break that ends the record; the next record starts after it.
      if (text[start] === '\r') start++;
      if (text[start] === '\n') start++;
    },
  });
  if (broken) throw broken;
  return records;
}
