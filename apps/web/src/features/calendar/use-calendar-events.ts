import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Calendar } from '@amb/shared/calendar';
import { calendarKeys } from './api';

/** Changes come in bursts (a drop is a few entries); the calendar is read again once they settle. */
const SETTLE_MS = 400;

/**
 * Keeps a team's calendar live: the same server-sent event stream the board listens to, one per board of the
 * team, from the last change the calendar was read with. Any change to a card reads the calendar again.
 */
export function useCalendarEvents(teamId: string | null, boards: Calendar['boards']) {
  const client = useQueryClient();
  // Where a stream starts is read when it opens: the browser carries on from its last event id when it reconnects,
  // so a calendar read again later does not open its streams again.
  const latest = useRef(boards);
  useEffect(() => {
    latest.current = boards;
  });
  const ids = boards.map((b) => b.id).join(',');
  useEffect(() => {
    if (!teamId || !ids) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sources = ids.split(',').map((boardId) => {
      const after = latest.current.find((b) => b.id === boardId)?.lastActivityId ?? '0';
      const source = new EventSource(`/api/boards/${boardId}/events?after=${after}`);
      source.addEventListener('board', () => {
        clearTimeout(timer);
        timer = setTimeout(() => void client.invalidateQueries({ queryKey: calendarKeys.of(teamId) }), SETTLE_MS);
      });
      return source;
    });
    return () => {
      clearTimeout(timer);
      sources.forEach((s) => s.close());
    };
  }, [teamId, ids, client]);
}
