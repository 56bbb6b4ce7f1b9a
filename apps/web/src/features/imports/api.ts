import { boardViewSchema } from '@amb/shared/boards';
import { importJobSchema, type StartImportBody } from '@amb/shared/imports';
import { teamSchema } from '@amb/shared/teams';
import { api } from '../../lib/api-client';

/** The names of the columns of the team's board, which a CSV's "column" values must match. */
export async function fetchBoardColumns(teamId: string) {
  const team = await api('GET', `/teams/${teamId}`, { schema: teamSchema });
  const boardId = team.boards[0]?.id;
  if (!boardId) return { team, columns: [] as string[] };
  const board = await api('GET', `/boards/${boardId}`, { schema: boardViewSchema });
  return { team, columns: board.columns.map((c) => c.name) };
}

export const startImport = (teamId: string, body: StartImportBody) => api('POST', `/teams/${teamId}/imports`, { body, schema: importJobSchema });

export const fetchImport = (importId: string) => api('GET', `/imports/${importId}`, { schema: importJobSchema });
