import { suggestFlowCategory } from '@amb/domain/import-flow';
import { planBoardImport, readBoardExport } from '@amb/shared/import-board';
import { planCsvImport, planWorkbookImport } from '@amb/shared/import-csv';
import { planTrelloImport, readTrelloBoard } from '@amb/shared/import-trello';
import { IMPORT_MAX_BYTES, ImportRefusal, type ImportPlan, type StartImportBody } from '@amb/shared/imports';
import { decodeTextFile } from '@amb/shared/text-file';
import { readWorkbook, WorkbookError, XLSX_MAX_UNPACKED_BYTES, zipUnpackedSize } from '@amb/shared/xlsx';
import { AppError } from '../../lib/app-error';
import { unpacksWithin } from './workbook-unpacked';

const refuse = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { fields: [{ field, message }] });

/** The file's bytes: base64 that decodes to at most IMPORT_MAX_BYTES, or a 400 saying what is wrong. */
export function decodeImportBytes(content: string): Buffer {
  const compact = content.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1)
    throw refuse('body.content', 'The file was not sent as base64');
  if ((compact.length * 3) / 4 > IMPORT_MAX_BYTES + 3)
    throw refuse('body.content', `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > IMPORT_MAX_BYTES)
    throw refuse('body.content', `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
  return bytes;
}

/** The file's text: at most IMPORT_MAX_BYTES of text in any encoding a spreadsheet saves, or a 400 saying what is wrong. */
export function decodeImportFile(content: string): string {
  const bytes = decodeImportBytes(content);
  // UTF-8 (with or without a byte-order mark), UTF-16 with its mark, otherwise Windows-1252, as spreadsheets save.
  const { text } = decodeTextFile(bytes);
  if (text.includes('\u0000')) throw refuse('body.content', 'The file is not text (it holds NUL bytes)');
  return text;
}

/** Checks the whole file and turns it into a plan; a file that cannot be imported is refused before anything is written. */
export async function planImport(body: StartImportBody, boardColumns: string[]): Promise<ImportPlan> {
  if (body.format === 'xlsx') return planWorkbook(body, boardColumns);
  const text = decodeImportFile(body.content);
  try {
    if (body.format === 'csv')
      return planCsvImport(text, boardColumns, body.csvMapping, undefined, {
        delimiter: body.csvDelimiter,
        dateFormat: body.csvDateFormat,
      }).plan;
    let json: unknown;
    try {
      json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (error) {
      throw new ImportRefusal('file', `The file is not JSON: ${(error as Error).message}`);
    }
    if (body.format === 'trello')
      return planTrelloImport(readTrelloBoard(json), suggestFlowCategory, body.flowCategories);
    return planBoardImport(readBoardExport(json));
  } catch (error) {
    if (error instanceof ImportRefusal)
      throw refuse(error.field === 'file' ? 'body.content' : `body.content.${error.field}`, error.message);
    throw error;
  }
}

/** A workbook's chosen sheet, read as the CSV import reads a file: the same mapping, checks and report. */
async function planWorkbook(body: StartImportBody, boardColumns: string[]): Promise<ImportPlan> {
  const bytes = decodeImportBytes(body.content);
  // The sizes the zip declares are checked by readWorkbook; here the parts are unpacked, capped, to be sure.
  if (zipUnpackedSize(bytes) !== null && !unpacksWithin(bytes, XLSX_MAX_UNPACKED_BYTES))
    throw refuse(
      'body.content',
      `The workbook cannot be unpacked within ${XLSX_MAX_UNPACKED_BYTES / 1024 / 1024} MB: import fewer rows at once, or save it again`,
    );
  let sheets;
  try {
    sheets = await readWorkbook(bytes);
  } catch (error) {
    if (error instanceof WorkbookError) throw refuse('body.content', error.message);
    throw error;
  }
  try {
    return planWorkbookImport(sheets, body.xlsxSheet, boardColumns, body.csvMapping, undefined, {
      dateFormat: body.csvDateFormat,
    }).plan;
  } catch (error) {
    if (error instanceof ImportRefusal)
      throw refuse(
        error.field === 'xlsxSheet'
          ? 'body.xlsxSheet'
          : error.field === 'file'
            ? 'body.content'
            : `body.content.${error.field}`,
        error.message,
      );
    throw error;
  }
}
