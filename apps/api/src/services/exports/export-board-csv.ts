import { boardCsvHeader, type ExportedCard } from '@amb/shared/board-export';
import { csvRow, type CsvCell } from '@amb/shared/csv';
import type { ServiceContext } from '../context';
import { readExportedBoard, readExportedCards } from './read-board-export';

/** A card's row in the CSV and .xlsx exports, under `boardCsvHeader`; dates as ISO text (a workbook makes them dates). */
export function boardRow(c: ExportedCard, flow: ReadonlyMap<string, string>): CsvCell[] {
  return [
    c.id,
    c.title,
    c.type,
    c.column,
    flow.get(c.column),
    c.swimlane,
    c.description,
    c.labels.join('; '),
    c.owners.join('; '),
    c.principles.join('; '),
    c.estimate,
    c.startDate?.slice(0, 10),
    c.dueDate?.slice(0, 10),
    c.blocked ? 'yes' : 'no',
    c.blockedReason,
    c.blockerCategory,
    c.hypothesis,
    c.metric,
    c.experimentResult,
    c.sprint,
    c.campaign,
    c.createdAt,
    c.startedAt,
    c.completedAt,
    c.archivedAt,
    c.comments.length,
    c.checklists.reduce((n, l) => n + l.items.length, 0),
  ];
}

/** A board as CSV, one row per card with every field; streamed a batch of cards at a time. */
export async function exportBoardCsv({ db, actor }: ServiceContext, boardId: string) {
  const board = await readExportedBoard(db, actor, boardId);
  const flow = new Map(board.columns.map((c) => [c.name, c.flowCategory]));
  async function* rows() {
    yield `\uFEFF${csvRow([...boardCsvHeader])}`;
    for await (const c of readExportedCards(db, board, boardId)) yield csvRow(boardRow(c, flow));
  }
  return { filename: fileName(board.team.slug, 'csv'), body: rows() };
}

export const fileName = (slug: string, ext: string) => `${slug}-board-${new Date().toISOString().slice(0, 10)}.${ext}`;
