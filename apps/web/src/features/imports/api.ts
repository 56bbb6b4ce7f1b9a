import { boardViewSchema } from '@amb/shared/boards';
import { importJobSchema, type StartImportBody } from '@amb/shared/imports';
import { memberListSchema, teamSchema } from '@amb/shared/teams';
import { api } from '../../lib/api-client';

/** The names of the columns of the team's board, which a CSV's "column" values must match. */
export async function fetchBoardColumns(teamId: string) {
  const team = await api('GET', `/teams/${teamId}`, { schema: teamSchema });
  const boardId = team.boards[0]?.id;
  if (!boardId) return { team, columns: [] as string[] };
  const board = await api('GET', `/boards/${boardId}`, { schema: boardViewSchema });
  return { team, columns: board.columns.map((c) => c.name) };
}

/** The e-mails of the team's people: only they can become owners of imported cards (the preview says so per row). */
export const fetchTeamEmails = (teamId: string) =>
  api('GET', `/teams/${teamId}/members`, { schema: memberListSchema }).then(
    (r) => new Set(r.members.map((m) => m.email.toLowerCase())),
  );

export const startImport = (teamId: string, body: StartImportBody) =>
  api('POST', `/teams/${teamId}/imports`, { body, schema: importJobSchema });

export const fetchImport = (importId: string) => api('GET', `/imports/${importId}`, { schema: importJobSchema });
