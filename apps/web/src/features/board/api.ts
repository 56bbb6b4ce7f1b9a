import { useQuery } from '@tanstack/react-query';
import type { SprintList } from '@amb/shared/sprints';
import type { BoardPeopleWip, PersonWip, SetPersonWipLimitBody } from '@amb/shared/person-wip';
import { api } from '../../lib/api-client';

/**
 * The team's active sprint, for the board's "only the active sprint" filter. The answer is not parsed again here
 * (the API validates it), which keeps the sprint schemas out of the board's first download.
 */
export function useActiveSprint(teamId: string | undefined) {
  const sprints = useQuery({ queryKey: ['sprints', teamId, 'list'], enabled: Boolean(teamId), queryFn: ({ signal }) => api<SprintList>('GET', `/sprints?teamId=${teamId}`, { signal }) });
  return sprints.data?.sprints.find((s) => s.state === 'ACTIVE') ?? null;
}

// The board's calls below are not parsed again in the browser (the API validates its answers): their schemas
// would otherwise ride in the board's first download.
export const fetchPeopleWip = (boardId: string) => api<BoardPeopleWip>('GET', `/boards/${boardId}/people-wip`);

export const setPersonWipLimit = (userId: string, body: SetPersonWipLimitBody) => api<PersonWip>('PUT', `/users/${userId}/wip-limit`, { body });

/** The board as a file; the browser downloads it as the server streams it. */
export const boardExportUrl = (boardId: string, format: 'csv' | 'json') => `/api/boards/${boardId}/export.${format}`;
