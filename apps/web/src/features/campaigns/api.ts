import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TeamRole } from '@amb/domain/access';
import { canManageCampaigns } from '@amb/domain/campaigns';
import {
  campaignListSchema,
  campaignPageSchema,
  campaignSchema,
  type CreateCampaignBody,
  type UpdateCampaignBody,
} from '@amb/shared/campaigns';
import { okSchema } from '@amb/shared/common';
import { memberListSchema } from '@amb/shared/teams';
import { useAuthStore } from '../../app/auth-store';
import { campaignsQuery } from '../../app/campaigns';
import { api } from '../../lib/api-client';

/** The campaigns list, parsed here (the board shares the cache entry unparsed). */
export const useCampaigns = () =>
  useQuery({
    ...campaignsQuery,
    queryFn: ({ signal }) => api('GET', '/campaigns', { schema: campaignListSchema, signal }).then((r) => r.campaigns),
  });

export const useCampaign = (campaignId: string) =>
  useQuery({
    queryKey: ['campaigns', 'page', campaignId],
    queryFn: ({ signal }) => api('GET', `/campaigns/${campaignId}`, { schema: campaignPageSchema, signal }),
    retry: (count, error) => count < 2 && !('status' in error && error.status === 404),
  });

function useCampaignChange<A, R>(call: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => client.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}

export const useCreateCampaign = () =>
  useCampaignChange((body: CreateCampaignBody) => api('POST', '/campaigns', { body, schema: campaignSchema }));
export const useUpdateCampaign = (campaignId: string) =>
  useCampaignChange((body: UpdateCampaignBody) =>
    api('PATCH', `/campaigns/${campaignId}`, { body, schema: campaignSchema }),
  );
export const useDeleteCampaign = () =>
  useCampaignChange((campaignId: string) => api('DELETE', `/campaigns/${campaignId}`, { schema: okSchema }));

/** Whether the signed-in person runs campaigns (admins, the PMO, scrum masters): the API's own rule. */
export function useMayManageCampaigns(): boolean {
  const me = useAuthStore((s) => s.me);
  return (
    Boolean(me) &&
    canManageCampaigns(
      me!.user.orgRole,
      me!.memberships.map((m) => m.role as TeamRole),
    )
  );
}

/** Who may own a campaign, as far as this person can see: themselves and the people of their teams, by name. */
export function usePossibleOwners(): { id: string; name: string }[] {
  const me = useAuthStore((s) => s.me);
  const teams = useQueries({
    queries: (me?.memberships ?? []).map((m) => ({
      queryKey: ['teams', m.teamId, 'members', 'campaign-owners'],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api('GET', `/teams/${m.teamId}/members`, { schema: memberListSchema, signal }),
      staleTime: 5 * 60_000,
    })),
  });
  const people = new Map<string, string>();
  if (me) people.set(me.user.id, me.user.name);
  for (const team of teams) for (const m of team.data?.members ?? []) people.set(m.userId, m.name);
  return [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
