import { useEffect } from 'react';
import type { BoardEvent } from '@amb/shared/boards';
import { queryClient } from '../../app/query-client';
import { boardQuery } from './api';
import { useBoardStore } from './board-store';

/**
 * Keeps the board live: a server-sent event stream from the last activity the board was loaded with. The
 * browser reconnects by itself and sends the last event id, so nothing is missed while offline.
 */
export function useBoardEvents(boardId: string | undefined, ready: boolean) {
  useEffect(() => {
    if (!boardId || !ready) return;
    const after = queryClient.getQueryData(boardQuery(boardId).queryKey)?.lastActivityId ?? '0';
    const source = new EventSource(`/api/boards/${boardId}/events?after=${after}`);
    source.addEventListener('board', (message) => {
      // The server's own events, as the API's contract describes them; not parsed again (see board-store).
      useBoardStore.getState().applyEvent(JSON.parse((message as MessageEvent<string>).data) as BoardEvent);
    });
    return () => source.close();
  }, [boardId, ready]);
}
