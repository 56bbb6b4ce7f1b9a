import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  blockedTimeSchema,
  obstacleListSchema,
  OBSTACLE_LIST_MAX,
  timeToClearSchema,
  type ObstacleSortKey,
} from '@amb/shared/obstacle-reports';
import { api } from '../../lib/api-client';
import type { Period } from '../../lib/period-filters';
import { queryString } from '../../lib/url-params';

// The obstacle reports' calls to the API. The list is as of now; blocked time and time to clear cover a period.

export interface ObstacleFilters {
  teams: string[];
  category?: string;
  escalated?: 'yes' | 'no';
  owner?: string;
  sort: ObstacleSortKey;
  dir?: 'asc' | 'desc';
}

const listUrl = (f: ObstacleFilters, limit?: number) =>
  `/dashboard/obstacles?${queryString({ teams: f.teams.join(','), category: f.category, escalated: f.escalated, owner: f.owner, sort: f.sort, dir: f.dir, limit })}`;

export function useObstacles(filters: ObstacleFilters) {
  return useQuery({
    queryKey: ['obstacles', 'list', filters],
    queryFn: ({ signal }) => api('GET', listUrl(filters), { schema: obstacleListSchema, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every obstacle the filters match (up to the API's cap), for the CSV export. */
export const fetchAllObstacles = (filters: ObstacleFilters) =>
  api('GET', listUrl(filters, OBSTACLE_LIST_MAX), { schema: obstacleListSchema });

export function useBlockedTime(period: Period, teams: string[]) {
  return useQuery({
    queryKey: ['obstacles', 'blocked-time', period, teams],
    queryFn: ({ signal }) =>
      api('GET', `/dashboard/obstacles/blocked-time?${queryString({ ...period, teams: teams.join(',') })}`, {
        schema: blockedTimeSchema,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useTimeToClear(period: Period, teams: string[]) {
  return useQuery({
    queryKey: ['obstacles', 'time-to-clear', period, teams],
    queryFn: ({ signal }) =>
      api('GET', `/dashboard/obstacles/time-to-clear?${queryString({ ...period, teams: teams.join(',') })}`, {
        schema: timeToClearSchema,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
