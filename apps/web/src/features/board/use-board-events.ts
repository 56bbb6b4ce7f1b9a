import { useEffect } from 'react';
import { boardEventSchema } from '@amb/shared/boards';
import { useBoardStore } from './board-store';

/**
 * Keeps the board live: a server-sent event stream from the last activity the board was loaded with. The
 * browser reconnects by itself and sends the last event id, so nothing is missed while offline.
 */
export function useBoardEvents(boardId: string | undefined, ready: boolean) {
  useEffect(() => {
    if (!boardId || !ready) return;
    const after = useBoardStore.getState().view?.lastActivityId ?? '0';
    const source = new EventSource(`/api/boards/${boardId}/events?after=${after}`);
    source.addEventListener('board', (message) => {
      const parsed = boardEventSchema.safeParse(JSON.parse((message as MessageEvent<string>).data));
      if (parsed.success) useBoardStore.getState().applyEvent(parsed.data);
    });
    return () => source.close();
  }, [boardId, ready]);
}
