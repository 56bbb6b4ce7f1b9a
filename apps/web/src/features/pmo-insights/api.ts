import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { dependencyGraphSchema, dependencyListSchema } from '@amb/shared/dependencies';
import { principleCoverageSchema } from '@amb/shared/principle-coverage';
import { api } from '../../lib/api-client';
import { queryString } from '../../lib/url-params';

export function useDependencyGraph(tz: string) {
  return useQuery({
    queryKey: ['pmo', 'dependency-graph', tz],
    queryFn: ({ signal }) =>
      api('GET', `/dashboard/dependencies/graph?${queryString({ tz })}`, { schema: dependencyGraphSchema, signal }),
  });
}

export interface DependencyFilter {
  waiting?: string;
  on?: string;
  atRisk?: 'true' | 'false';
  tz: string;
}

export function useDependencies(filter: DependencyFilter) {
  return useQuery({
    queryKey: ['pmo', 'dependencies', filter],
    queryFn: ({ signal }) =>
      api('GET', `/dashboard/dependencies?${queryString({ ...filter })}`, { schema: dependencyListSchema, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface CoverageFilter {
  from: string;
  to: string;
  tz: string;
  bucket: 'week' | 'month';
  /** None: every team the person can read. */
  teams: string[];
}

export function usePrincipleCoverage(filter: CoverageFilter) {
  return useQuery({
    queryKey: ['pmo', 'principle-coverage', filter],
    queryFn: ({ signal }) =>
      api('GET', `/dashboard/principle-coverage?${queryString({ ...filter, teams: filter.teams.join(',') })}`, {
        schema: principleCoverageSchema,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
