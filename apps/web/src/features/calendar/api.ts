import { queryOptions } from '@tanstack/react-query';
import { calendarSchema } from '@amb/shared/calendar';
import { cardUpdateResultSchema, cardWriteResultSchema } from '@amb/shared/cards';
import { api } from '../../lib/api-client';
import { queryString } from '../../lib/url-params';

// The calendar feature's calls to the API.

export const calendarKeys = {
  /** Every range of one calendar (a team's, or "mine"). */
  of: (teamId: string | null) => ['calendar', teamId ?? 'mine'] as const,
  range: (teamId: string | null, from: string, to: string) => ['calendar', teamId ?? 'mine', from, to] as const,
};

export const calendarQuery = (teamId: string | null, from: string, to: string) =>
  queryOptions({
    queryKey: calendarKeys.range(teamId, from, to),
    queryFn: ({ signal }) =>
      api('GET', `${teamId ? `/teams/${teamId}/calendar` : '/calendar'}?${queryString({ from, to })}`, {
        schema: calendarSchema,
        signal,
      }),
  });

/** New dates for a card, through the card's own edit (a stale version is refused, as in the card panel). */
export const setCardDates = (
  cardId: string,
  body: { version: number; startDate?: string | null; dueDate?: string | null },
) => api('PATCH', `/cards/${cardId}`, { body, schema: cardUpdateResultSchema });

/** A card due on a day, added at the bottom of the board's first column (as the board's quick add does). */
export const addCardOnDay = (columnId: string, title: string, dueDate: string) =>
  api('POST', '/cards', { body: { columnId, title, dueDate, position: 'bottom' }, schema: cardWriteResultSchema });
