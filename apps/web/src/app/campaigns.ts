import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Campaign, CampaignList } from '@amb/shared/campaigns';
import { api } from '../lib/api-client';

const none: Campaign[] = [];

/**
 * The organisation's campaigns: one cache entry shared by the board (filter, the mark on a card), the card panel
 * and the campaigns pages. The board reads it on its first paint, so the answer is not parsed here (the API
 * validates it; the campaigns pages parse their own).
 */
export const campaignsQuery = queryOptions({
  queryKey: ['campaigns', 'list'],
  queryFn: ({ signal }) => api<CampaignList>('GET', '/campaigns', { signal }).then((r) => r.campaigns),
  staleTime: 60_000,
});

/** Every campaign; empty while loading. */
export function useCampaignList(): Campaign[] {
  return useQuery(campaignsQuery).data ?? none;
}
