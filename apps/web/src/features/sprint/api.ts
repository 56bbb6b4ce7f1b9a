import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cardSummarySchema } from '@amb/shared/boards';
import { memberListSchema } from '@amb/shared/teams';
import { principleListSchema } from '@amb/shared/principles';
import {
  backlogSchema,
  sprintChartSchema,
  sprintPlanSchema,
  sprintSummarySchema,
  velocitySchema,
  type AvailabilityBody,
  type CloseSprintBody,
  type CreateSprintBody,
  type UpdateSprintBody,
} from '@amb/shared/sprints';
import { teamSprintsQuery } from '../../app/sprints';
import { api } from '../../lib/api-client';

// The sprint feature's calls to the API, and the cache keys they share.

export const sprintKeys = {
  team: (teamId: string) => ['sprints', teamId] as const,
  backlog: (teamId: string) => ['sprints', teamId, 'backlog'] as const,
  velocity: (teamId: string) => ['sprints', teamId, 'velocity'] as const,
  sprint: (teamId: string, sprintId: string) => ['sprints', teamId, 'sprint', sprintId] as const,
  chart: (teamId: string, sprintId: string) => ['sprints', teamId, 'chart', sprintId] as const,
};

export const useSprints = (teamId: string) => useQuery(teamSprintsQuery(teamId));
export const useSprint = (teamId: string, sprintId: string | null) =>
  useQuery({
    queryKey: sprintKeys.sprint(teamId, sprintId ?? ''),
    enabled: Boolean(sprintId),
    queryFn: ({ signal }) => api('GET', `/sprints/${sprintId}`, { schema: sprintPlanSchema, signal }),
  });
export const useBacklog = (teamId: string) =>
  useQuery({
    queryKey: sprintKeys.backlog(teamId),
    queryFn: ({ signal }) => api('GET', `/teams/${teamId}/backlog`, { schema: backlogSchema, signal }),
  });
export const useSprintChart = (teamId: string, sprintId: string) =>
  useQuery({
    queryKey: sprintKeys.chart(teamId, sprintId),
    queryFn: ({ signal }) => api('GET', `/sprints/${sprintId}/burndown`, { schema: sprintChartSchema, signal }),
  });
export const useVelocity = (teamId: string) =>
  useQuery({
    queryKey: sprintKeys.velocity(teamId),
    queryFn: ({ signal }) => api('GET', `/sprints/velocity?teamId=${teamId}`, { schema: velocitySchema, signal }),
  });
export const useTeamPeople = (teamId: string) =>
  useQuery({
    queryKey: ['team-members', teamId],
    queryFn: ({ signal }) => api('GET', `/teams/${teamId}/members`, { schema: memberListSchema, signal }),
  });
export const usePrinciples = () =>
  useQuery({
    queryKey: ['principles'],
    queryFn: ({ signal }) => api('GET', '/principles', { schema: principleListSchema, signal }),
  });

/** Every sprint write changes what the team's sprint screens show: refetch them all. */
function useSprintWrite<Args, Result>(teamId: string, write: (args: Args) => Promise<Result>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () => client.invalidateQueries({ queryKey: sprintKeys.team(teamId) }),
  });
}

export const useCreateSprint = (teamId: string) =>
  useSprintWrite(teamId, (body: CreateSprintBody) => api('POST', '/sprints', { body, schema: sprintSummarySchema }));
export const useUpdateSprint = (teamId: string) =>
  useSprintWrite(teamId, ({ sprintId, body }: { sprintId: string; body: UpdateSprintBody }) =>
    api('PATCH', `/sprints/${sprintId}`, { body, schema: sprintSummarySchema }),
  );
export const useSetAvailability = (teamId: string) =>
  useSprintWrite(teamId, ({ sprintId, body }: { sprintId: string; body: AvailabilityBody }) =>
    api('PUT', `/sprints/${sprintId}/availability`, { body }),
  );
export const useStartSprint = (teamId: string) =>
  useSprintWrite(teamId, (sprintId: string) =>
    api('POST', `/sprints/${sprintId}/start`, { schema: sprintSummarySchema }),
  );
export const useCloseSprint = (teamId: string) =>
  useSprintWrite(teamId, ({ sprintId, body }: { sprintId: string; body: CloseSprintBody }) =>
    api('POST', `/sprints/${sprintId}/close`, { body, schema: sprintSummarySchema }),
  );
export const usePlanCard = (teamId: string) =>
  useSprintWrite(teamId, ({ cardId, sprintId }: { cardId: string; sprintId: string | null }) =>
    api('PUT', `/cards/${cardId}/sprint`, { body: { sprintId }, schema: cardSummarySchema }),
  );
export const useRankBacklog = (teamId: string) =>
  useSprintWrite(teamId, ({ cardId, afterCardId }: { cardId: string; afterCardId: string | null }) =>
    api('POST', `/cards/${cardId}/backlog-rank`, { body: { afterCardId }, schema: backlogSchema }),
  );
