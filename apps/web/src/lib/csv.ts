// CSV export for tables and charts: RFC 4180 quoting, and a download the browser saves under a given name.

type Cell = string | number | boolean | null | undefined;

export type CsvColumn<Row> = { header: string; value: (row: Row) => Cell };

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A leading =, +, - or @ would run as a formula when opened in a spreadsheet.
  if (/^[=+\-@]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text (RFC 4180): fields with commas, quotes or line breaks are quoted. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map((v) => cell(v)).join(',')).join('\r\n') + '\r\n';
}

/** A header and rows of cells from objects and the columns that read them. */
export function tableOf<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): [string[], Cell[][]] {
  return [columns.map((c) => c.header), rows.map((row) => columns.map((c) => c.value(row)))];
}

/** Hands a CSV file to the browser to save. */
export function downloadCsv(fileName: string, header: readonly string[], rows: readonly (readonly Cell[])[]) {
  const url = URL.createObjectURL(new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
