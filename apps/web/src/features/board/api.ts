import { useQuery } from '@tanstack/react-query';
import type { SprintList } from '@amb/shared/sprints';
import { boardPeopleWipSchema, personWipSchema, type SetPersonWipLimitBody } from '@amb/shared/person-wip';
import { api } from '../../lib/api-client';

/**
 * The team's active sprint, for the board's "only the active sprint" filter. The answer is not parsed again here
 * (the API validates it), which keeps the sprint schemas out of the board's first download.
 */
export function useActiveSprint(teamId: string | undefined) {
  const sprints = useQuery({ queryKey: ['sprints', teamId, 'list'], enabled: Boolean(teamId), queryFn: ({ signal }) => api<SprintList>('GET', `/sprints?teamId=${teamId}`, { signal }) });
  return sprints.data?.sprints.find((s) => s.state === 'ACTIVE') ?? null;
}


export const fetchPeopleWip = (boardId: string) => api('GET', `/boards/${boardId}/people-wip`, { schema: boardPeopleWipSchema });

export const setPersonWipLimit = (userId: string, body: SetPersonWipLimitBody) => api('PUT', `/users/${userId}/wip-limit`, { body, schema: personWipSchema });

/** The board as a file; the browser downloads it as the server streams it. */
export const boardExportUrl = (boardId: string, format: 'csv' | 'json') => `/api/boards/${boardId}/export.${format}`;
