import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  agingSchema,
  cumulativeFlowSchema,
  cycleTimeSchema,
  forecastSchema,
  portfolioOverviewSchema,
  teamFlowSchema,
} from '@amb/shared/portfolio';
import { teamListSchema } from '@amb/shared/teams';
import { api } from '../../lib/api-client';

import type { Period } from '../../lib/period-filters';

export type { Period };

const qs = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '').map(([k, v]) => [k, String(v)])).toString();

export function usePortfolioOverview(period: Period, teams: string[]) {
  return useQuery({
    queryKey: ['portfolio', 'overview', period, teams],
    queryFn: ({ signal }) => api('GET', `/dashboard/overview?${qs({ ...period, teams: teams.join(',') })}`, { schema: portfolioOverviewSchema, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCumulativeFlow(period: Period, teamId?: string) {
  return useQuery({
    queryKey: ['portfolio', 'cumulative-flow', period, teamId ?? null],
    queryFn: ({ signal }) => api('GET', `/dashboard/cumulative-flow?${qs({ ...period, teamId })}`, { schema: cumulativeFlowSchema, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCycleTime(teamId: string, period: Period) {
  return useQuery({
    queryKey: ['portfolio', 'cycle-time', teamId, period],
    queryFn: ({ signal }) => api('GET', `/dashboard/teams/${teamId}/cycle-time?${qs({ ...period })}`, { schema: cycleTimeSchema, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTeamFlow(teamId: string, period: Period) {
  return useQuery({
    queryKey: ['portfolio', 'flow', teamId, period],
    queryFn: ({ signal }) => api('GET', `/dashboard/teams/${teamId}/flow?${qs({ ...period })}`, { schema: teamFlowSchema, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAgingWork(teamId: string, tz: string) {
  return useQuery({
    queryKey: ['portfolio', 'aging', teamId, tz],
    queryFn: ({ signal }) => api('GET', `/dashboard/teams/${teamId}/aging?${qs({ tz })}`, { schema: agingSchema, signal }),
  });
}

export interface ForecastRequest {
  cards: number;
  target?: string;
  weeks: number;
  tz: string;
}

export function fetchForecast(teamId: string, request: ForecastRequest) {
  return api('GET', `/dashboard/teams/${teamId}/forecast?${qs({ ...request })}`, { schema: forecastSchema });
}

/** The teams the person can see, for the team filter. */
export function useVisibleTeams() {
  return useQuery({ queryKey: ['portfolio', 'teams'], queryFn: ({ signal }) => api('GET', '/teams', { schema: teamListSchema, signal }) });
}
