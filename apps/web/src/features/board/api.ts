import { useCallback, useSyncExternalStore } from 'react';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BoardView } from '@amb/shared/boards';
import type { SprintList } from '@amb/shared/sprints';
import type { BoardPeopleWip, PersonWip, SetPersonWipLimitBody } from '@amb/shared/person-wip';
import { api } from '../../lib/api-client';

export const boardViewKey = (boardId: string) => ['boards', boardId, 'view'] as const;

/**
 * A board with its columns, swimlanes and open cards. Its live stream keeps the cached copy current card by card
 * (see board-store), so it is not refetched while shown, only when the board is opened again or the stream says the
 * layout changed. Not parsed again here: the API already validated this answer against boardViewSchema, and parsing
 * 5,000 cards a second time costs the first paint 50–150 ms (bench/board-render). No structural sharing either:
 * each move replaces one card, and comparing 5,000 cards for it would cost the drop.
 */
export const boardQuery = (boardId: string) =>
  queryOptions({
    queryKey: boardViewKey(boardId),
    queryFn: ({ signal }) => api<BoardView>('GET', `/boards/${boardId}`, { signal }),
    staleTime: Infinity,
    refetchOnMount: 'always',
    structuralSharing: false,
  });

/**
 * The cached board, read in the same render as the change that made it: `useQuery` hands a change to the screen a
 * task later, so a dropped card would be painted once more where it came from before it showed in its new place.
 * (`useQuery(boardQuery(…))` beside it fetches the board and tells whether that failed.)
 */
export function useCachedBoard(boardId: string | undefined): BoardView | null {
  const client = useQueryClient();
  const subscribe = useCallback(
    (changed: () => void) =>
      client
        .getQueryCache()
        .subscribe((event) => event.query.queryKey[1] === boardId && event.query.queryKey[2] === 'view' && changed()),
    [client, boardId],
  );
  return useSyncExternalStore(subscribe, () =>
    boardId ? (client.getQueryData<BoardView>(boardViewKey(boardId)) ?? null) : null,
  );
}

/**
 * The team's active sprint, for the board's "only the active sprint" filter. The answer is not parsed again here
 * (the API validates it), which keeps the sprint schemas out of the board's first download.
 */
export function useActiveSprint(teamId: string | undefined) {
  const sprints = useQuery({
    queryKey: ['sprints', teamId, 'list'],
    enabled: Boolean(teamId),
    queryFn: ({ signal }) => api<SprintList>('GET', `/sprints?teamId=${teamId}`, { signal }),
  });
  return sprints.data?.sprints.find((s) => s.state === 'ACTIVE') ?? null;
}

// The board's calls below are not parsed again in the browser (the API validates its answers): their schemas
// would otherwise ride in the board's first download.
export const fetchPeopleWip = (boardId: string) => api<BoardPeopleWip>('GET', `/boards/${boardId}/people-wip`);

export const setPersonWipLimit = (userId: string, body: SetPersonWipLimitBody) =>
  api<PersonWip>('PUT', `/users/${userId}/wip-limit`, { body });

/** The board as a file; the browser downloads it as the server streams it. */
export const boardExportUrl = (boardId: string, format: 'csv' | 'xlsx' | 'json') =>
  `/api/boards/${boardId}/export.${format}`;
