// CSV export for tables and charts: the rows of a table from its columns, and a download the browser saves under a
// given name. The writing itself (quoting, the guard against formulas) is the shared one the API's exports use.
import { toCsv, type CsvCell } from '@amb/shared/csv';

export type CsvColumn<Row> = { header: string; value: (row: Row) => CsvCell };

/** A header and rows of cells from objects and the columns that read them. */
export function tableOf<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): [string[], CsvCell[][]] {
  return [columns.map((c) => c.header), rows.map((row) => columns.map((c) => c.value(row)))];
}

/**
 * Hands a CSV file to the browser to save, UTF-8 with a byte-order mark: without one, Excel reads the file in the
 * machine's code page and garbles every letter outside ASCII.
 */
export function downloadCsv(fileName: string, header: readonly string[], rows: readonly (readonly CsvCell[])[]) {
  saveFile(fileName, new Blob(['\uFEFF', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }));
}

/** Hands a file to the browser to save under the given name. */
export function saveFile(fileName: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
