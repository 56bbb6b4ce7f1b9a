import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { boardCsvHeader } from '@amb/shared/board-export';
import { addTableRow, sheetName, startTable } from '@amb/shared/xlsx';
import type { ServiceContext } from '../context';
import { boardRow, fileName } from './export-board-csv';
import { readExportedBoard, readExportedCards } from './read-board-export';

/**
 * A board as an Excel workbook: the CSV export's columns and rows in one sheet, with numbers as numbers and dates
 * as dates, the header frozen and filters on. Streamed as it is written, a batch of cards at a time: a whole
 * 10,000-card workbook built at once would hold the event loop for seconds.
 */
export async function exportBoardXlsx({ db, actor }: ServiceContext, boardId: string) {
  const board = await readExportedBoard(db, actor, boardId);
  const flow = new Map(board.columns.map((c) => [c.name, c.flowCategory]));
  const body = new PassThrough();
  // Inline strings: rows are written as they come, with no table of shared strings kept until the end.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: body, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName(board.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  void (async () => {
    startTable(sheet, boardCsvHeader).commit();
    for await (const c of readExportedCards(db, board, boardId)) addTableRow(sheet, boardRow(c, flow)).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: Error) => body.destroy(error));
  return { filename: fileName(board.team.slug, 'xlsx'), body };
}
