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
  // Where each stream starts is taken once: the browser carries on from its last event id when it reconnects.
  const startAt = useRef(new Map<string, string>());
  for (const b of boards) if (!startAt.current.has(b.id)) startAt.current.set(b.id, b.lastActivityId);
  const ids = boards.map((b) => b.id).join(',');
  useEffect(() => {
    if (!teamId || !ids) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sources = ids.split(',').map((boardId) => {
      const source = new EventSource(`/api/boards/${boardId}/events?after=${startAt.current.get(boardId) ?? '0'}`);
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
