import { useEffect, useRef } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  agingSchema,
  cumulativeFlowSchema,
  cycleTimeSchema,
  forecastSchema,
  portfolioOverviewSchema,
  teamFlowSchema,
} from '@amb/shared/portfolio';
import {
  mappedColumnSchema,
  portfolioStageListSchema,
  portfolioStageSchema,
  stageMappingSchema,
} from '@amb/shared/portfolio-stages';
import type { FlowCategory } from '@amb/domain/card-timeline';
import { teamListSchema } from '@amb/shared/teams';
import { api } from '../../lib/api-client';

import type { Period } from '../../lib/period-filters';
import { queryString } from '../../lib/url-params';

export type { Period };

export function usePortfolioOverview(period: Period, teams: string[]) {
  return useQuery({
    queryKey: ['portfolio', 'overview', period, teams],
    queryFn: ({ signal }) =>
      api('GET', `/dashboard/overview?${queryString({ ...period, teams: teams.join(',') })}`, {
        schema: portfolioOverviewSchema,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCumulativeFlow(period: Period, teamId?: string) {
  return useQuery({
    queryKey: ['portfolio', 'cumulative-flow', period, teamId ?? null],
    queryFn: ({ signal }) =>
      api('GET', `/dashboard/cumulative-flow?${queryString({ ...period, teamId })}`, {
        schema: cumulativeFlowSchema,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCycleTime(teamId: string, period: Period) {
  return useQuery({
    queryKey: ['portfolio', 'cycle-time', teamId, period],
    queryFn: ({ signal }) =>
      api('GET', `/dashboard/teams/${teamId}/cycle-time?${queryString({ ...period })}`, {
        schema: cycleTimeSchema,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useTeamFlow(teamId: string, period: Period) {
  return useQuery({
    queryKey: ['portfolio', 'flow', teamId, period],
    queryFn: ({ signal }) =>
      api('GET', `/dashboard/teams/${teamId}/flow?${queryString({ ...period })}`, { schema: teamFlowSchema, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAgingWork(teamId: string, tz: string) {
  return useQuery({
    queryKey: ['portfolio', 'aging', teamId, tz],
    queryFn: ({ signal }) =>
      api('GET', `/dashboard/teams/${teamId}/aging?${queryString({ tz })}`, { schema: agingSchema, signal }),
  });
}

export interface ForecastRequest {
  cards: number;
  target?: string;
  weeks: number;
  tz: string;
}

export function fetchForecast(teamId: string, request: ForecastRequest) {
  return api('GET', `/dashboard/teams/${teamId}/forecast?${queryString({ ...request })}`, { schema: forecastSchema });
}

/** The teams the person can see, for the team filter. */
export function useVisibleTeams() {
  return useQuery({
    queryKey: ['portfolio', 'teams'],
    queryFn: ({ signal }) => api('GET', '/teams', { schema: teamListSchema, signal }),
  });
}

/** The organisation's portfolio stages and each visible team's columns with the stage each counts in. */
export function useStageMapping() {
  return useQuery({
    queryKey: ['portfolio', 'stage-mapping'],
    queryFn: ({ signal }) => api('GET', '/dashboard/stage-mapping', { schema: stageMappingSchema, signal }),
  });
}

/**
 * How many teams wait for their arrivals to be recounted after stages were added, reordered or removed: asked
 * again every two seconds while any do, and every chart by stage is fetched again once none is left.
 */
export function useStageRecount() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['portfolio', 'stages'],
    queryFn: ({ signal }) => api('GET', '/dashboard/stages', { schema: portfolioStageListSchema, signal }),
    refetchInterval: (q) => (q.state.data?.teamsRecounting ? 2000 : false),
  });
  const left = query.data?.teamsRecounting ?? 0;
  const before = useRef(left);
  useEffect(() => {
    if (before.current > 0 && left === 0)
      void queryClient.invalidateQueries({ queryKey: ['portfolio'], predicate: (q) => q.queryKey[1] !== 'stages' });
    before.current = left;
  }, [left, queryClient]);
  return left;
}

/** A change to the stages or the mapping; every chart by stage is fetched again after it. */
function useStageChange<A, R>(change: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['portfolio'] }),
  });
}

export const useCreateStage = () =>
  useStageChange((body: { name: string; flowCategory: FlowCategory }) =>
    api('POST', '/dashboard/stages', { body, schema: portfolioStageSchema }),
  );
export const useRenameStage = () =>
  useStageChange(({ stageId, name }: { stageId: string; name: string }) =>
    api('PATCH', `/dashboard/stages/${stageId}`, { body: { name }, schema: portfolioStageSchema }),
  );
export const useReorderStages = () =>
  useStageChange((stageIds: string[]) =>
    api('PUT', '/dashboard/stages/order', { body: { stageIds }, schema: portfolioStageListSchema }),
  );
export const useRemoveStage = () =>
  useStageChange((stageId: string) =>
    api('DELETE', `/dashboard/stages/${stageId}`, { schema: portfolioStageListSchema }),
  );
export const useMapColumn = () =>
  useStageChange(({ columnId, stageId }: { columnId: string; stageId: string | null }) =>
    api('PUT', `/dashboard/columns/${columnId}/stage`, { body: { stageId }, schema: mappedColumnSchema }),
  );
