// Excel export for tables: the same header and rows as their CSV export, as a workbook with numbers and dates typed,
// the header frozen and filters on. exceljs is fetched on the first export only: it is larger than the rest of the app.
import type { CsvCell } from '@amb/shared/csv';
import { downloadCsv, saveFile } from './csv';

export async function downloadXlsx(fileName: string, header: readonly string[], rows: readonly (readonly CsvCell[])[]) {
  const { writeWorkbook } = await import('@amb/shared/xlsx');
  const bytes = await writeWorkbook(fileName.replace(/\.xlsx$/, ''), header, rows);
  saveFile(
    fileName,
    new Blob([bytes.slice().buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
}

export type TableFormat = 'csv' | 'xlsx';

/** A table's export in the format asked: `name` without its extension. */
export async function downloadTable(
  as: TableFormat,
  name: string,
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
) {
  if (as === 'csv') downloadCsv(`${name}.csv`, header, rows);
  else await downloadXlsx(`${name}.xlsx`, header, rows);
}
