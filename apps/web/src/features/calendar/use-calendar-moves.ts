// Moving a card to another day from the calendar: shown at once, written through the card's own edit (its version
// guards against a change made meanwhile), said in words with an Undo, and put back with the reason when refused.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { shiftDates } from '@amb/domain/calendar';
import type { Calendar, CalendarCard } from '@amb/shared/calendar';
import { ApiError } from '../../lib/api-client';
import { calendarKeys, setCardDates } from './api';
import { shortDay } from './calendar-view';

export interface CalendarMessage {
  text: string;
  error: boolean;
  /** Puts the dates back (a move just made). */
  undo?: () => void;
}

type Dates = Pick<CalendarCard, 'startDate' | 'dueDate'>;

const why = (error: unknown) => (error instanceof ApiError ? error.message : 'try again.');

export function useCalendarMoves(teamId: string | null, rangeKey: readonly unknown[]) {
  const client = useQueryClient();
  const [message, setMessage] = useState<CalendarMessage | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  const patchCached = (cardId: string, change: Partial<CalendarCard>) =>
    client.setQueryData<Calendar>(rangeKey, (data) =>
      data ? { ...data, cards: data.cards.map((c) => (c.id === cardId ? { ...c, ...change } : c)) } : data,
    );

  /** Writes new dates; returns the card's new version, or null when refused (the card is then put back). */
  async function write(card: CalendarCard, from: Dates, to: Dates, version: number): Promise<number | null> {
    patchCached(card.id, to);
    setPending(card.id);
    try {
      const body: Parameters<typeof setCardDates>[1] = { version };
      if (from.startDate !== to.startDate) body.startDate = to.startDate;
      if (from.dueDate !== to.dueDate) body.dueDate = to.dueDate;
      const result = await setCardDates(card.id, body);
      patchCached(card.id, { version: result.card.version });
      return result.card.version;
    } catch (error) {
      patchCached(card.id, from);
      setMessage({ text: `“${card.title}” was not moved: ${why(error)}`, error: true });
      return null;
    } finally {
      setPending(null);
      void client.invalidateQueries({ queryKey: calendarKeys.of(teamId) });
    }
  }

  async function moveBy(card: CalendarCard, days: number) {
    if (!days) return;
    const before = { startDate: card.startDate, dueDate: card.dueDate };
    const after = shiftDates(before, days);
    setMessage(null);
    const version = await write(card, before, after, card.version);
    if (version === null) return;
    setMessage({
      text: `Moved “${card.title}” to ${shortDay((after.dueDate ?? after.startDate)!)}`,
      error: false,
      undo: () => {
        setMessage(null);
        void write({ ...card, ...after }, after, before, version).then(
          (back) =>
            back !== null &&
            setMessage({
              text: `“${card.title}” is back on ${shortDay((before.dueDate ?? before.startDate)!)}`,
              error: false,
            }),
        );
      },
    });
  }

  return { moveBy, message, setMessage, pending };
}
