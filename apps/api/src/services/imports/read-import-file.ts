import { suggestFlowCategory } from '@amb/domain/import-flow';
import { planBoardImport, readBoardExport } from '@amb/shared/import-board';
import { planCsvImport } from '@amb/shared/import-csv';
import { planTrelloImport, readTrelloBoard } from '@amb/shared/import-trello';
import { IMPORT_MAX_BYTES, ImportRefusal, type ImportPlan, type StartImportBody } from '@amb/shared/imports';
import { AppError } from '../../lib/app-error';

const refuse = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { fields: [{ field, message }] });

/** The file's text: base64 that decodes to at most IMPORT_MAX_BYTES of UTF-8, or a 400 saying what is wrong. */
export function decodeImportFile(content: string): string {
  const compact = content.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1)
    throw refuse('body.content', 'The file was not sent as base64');
  if ((compact.length * 3) / 4 > IMPORT_MAX_BYTES + 3)
    throw refuse('body.content', `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > IMPORT_MAX_BYTES)
    throw refuse('body.content', `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw refuse('body.content', 'The file is UTF-16 text; save it as UTF-8 and try again');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse(
      'body.content',
      'The file is not UTF-8 text (perhaps Latin-1 or Windows-1252); save it as UTF-8 and try again',
    );
  }
  if (text.includes('\u0000')) throw refuse('body.content', 'The file is not text (it holds NUL bytes)');
  return text;
}

/** Checks the whole file and turns it into a plan; a file that cannot be imported is refused before anything is written. */
export function planImport(body: StartImportBody, text: string, boardColumns: string[]): ImportPlan {
  try {
    if (body.format === 'csv') return planCsvImport(text, boardColumns, body.csvMapping).plan;
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
