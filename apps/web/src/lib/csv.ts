type Cell = string | number | null;

/** Rows as CSV text (RFC 4180): fields with commas, quotes or line breaks are quoted. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const cell = (v: Cell) => {
    const text = v === null ? '' : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [header, ...rows].map((r) => r.map((v) => cell(v)).join(',')).join('\r\n') + '\r\n';
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
