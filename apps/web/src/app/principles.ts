import { queryOptions, useQuery } from '@tanstack/react-query';
import { principleListSchema, type Principle } from '@amb/shared/principles';
import { api } from '../lib/api-client';

const none: Principle[] = [];

/** The organisation's manifesto principles: fetched once and shared by the board, filters and card panel. */
export const principlesQuery = queryOptions({
  queryKey: ['principles'],
  queryFn: ({ signal }) => api('GET', '/principles', { schema: principleListSchema, signal }).then((r) => r.principles),
  staleTime: 5 * 60_000,
});

/** The principles in use (archived ones left out); empty while loading. */
export function useActivePrinciples(): Principle[] {
  const { data } = useQuery({ ...principlesQuery, select: (all) => all.filter((p) => !p.archived) });
  return data ?? none;
}
