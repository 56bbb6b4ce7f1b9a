import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sprintChartSchema } from '@amb/shared/sprints';
import { escalationSchema, standupSchema, standupSettingsSchema, type StandupSettingsBody } from '@amb/shared/standup';
import { api } from '../../lib/api-client';

// The stand-up feature's calls to the API.

export interface StandupWindow {
  since?: string;
  until?: string;
}

export const standupKeys = {
  team: (teamId: string) => ['standup', teamId] as const,
  view: (teamId: string, w: StandupWindow) => ['standup', teamId, w.since ?? '', w.until ?? ''] as const,
};

function query(w: StandupWindow) {
  const params = new URLSearchParams();
  if (w.since) params.set('since', w.since);
  if (w.until) params.set('until', w.until);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const useStandup = (teamId: string, w: StandupWindow) =>
  useQuery({
    queryKey: standupKeys.view(teamId, w),
    queryFn: ({ signal }) => api('GET', `/teams/${teamId}/standup${query(w)}`, { schema: standupSchema, signal }),
  });

/** The active sprint's remaining points, day by day, for the small burndown. */
export const useBurndown = (sprintId: string | null) =>
  useQuery({
    queryKey: ['standup-burndown', sprintId],
    enabled: Boolean(sprintId),
    queryFn: ({ signal }) => api('GET', `/sprints/${sprintId}/burndown`, { schema: sprintChartSchema, signal }),
  });

export function useEscalate(teamId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ cardId, escalated }: { cardId: string; escalated: boolean }) =>
      api('PUT', `/cards/${cardId}/escalation`, { body: { escalated }, schema: escalationSchema }),
    onSettled: () => client.invalidateQueries({ queryKey: standupKeys.team(teamId) }),
  });
}

/** The team's stand-up time; the stand-up's default window moves with it. */
export function useSetStandupSettings(teamId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StandupSettingsBody) =>
      api('PUT', `/teams/${teamId}/standup-settings`, { body, schema: standupSettingsSchema }),
    // The time zone sets where the team's days begin, so everything cached is read again when next shown (a rare change).
    onSuccess: () => client.invalidateQueries(),
  });
}
