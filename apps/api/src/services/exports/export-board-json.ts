import { boardExportFormat, type BoardExport } from '@amb/shared/board-export';
import type { ServiceContext } from '../context';
import { fileName } from './export-board-csv';
import { readExportedBoard, readExportedCards } from './read-board-export';

/**
 * A board as JSON (its columns, swimlanes and cards with comments, checklists, links and history), in the format
 * the importer reads back. Streamed: the head, then each card as it is read.
 */
export async function exportBoardJson({ db, actor }: ServiceContext, boardId: string) {
  const board = await readExportedBoard(db, actor, boardId);
  const head: Omit<BoardExport, 'cards'> = {
    format: boardExportFormat,
    version: 1,
    exportedAt: new Date().toISOString(),
    team: { name: board.team.name },
    board: {
      name: board.name,
      columns: board.columns.map(({ name, position, flowCategory, wipLimit, wipPolicy }) => ({
        name,
        position,
        flowCategory,
        wipLimit,
        wipPolicy,
      })),
      swimlanes: board.swimlanes.map(({ name, position, wipLimit, wipPolicy }) => ({
        name,
        position,
        wipLimit,
        wipPolicy,
      })),
    },
  };
  async function* chunks() {
    yield `${JSON.stringify(head).slice(0, -1)},"cards":[`;
    let first = true;
    for await (const card of readExportedCards(db, board, boardId)) {
      yield `${first ? '' : ','}\n${JSON.stringify(card)}`;
      first = false;
    }
    yield '\n]}\n';
  }
  return { filename: fileName(board.team.slug, 'json'), body: chunks() };
}
