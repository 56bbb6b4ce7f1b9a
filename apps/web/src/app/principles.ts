import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Principle, PrincipleList } from '@amb/shared/principles';
import { api } from '../lib/api-client';

const none: Principle[] = [];

/**
 * The organisation's manifesto principles: fetched once and shared by the board, filters and card panel. The board
 * reads them on its first paint, so the answer is not parsed again here (the API validates it).
 */
export const principlesQuery = queryOptions({
  queryKey: ['principles'],
  queryFn: ({ signal }) => api<PrincipleList>('GET', '/principles', { signal }).then((r) => r.principles),
  staleTime: 5 * 60_000,
});

/** The principles in use (archived ones left out); empty while loading. */
export function useActivePrinciples(): Principle[] {
  const { data } = useQuery({ ...principlesQuery, select: (all) => all.filter((p) => !p.archived) });
  return data ?? none;
}
