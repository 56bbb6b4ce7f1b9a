import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { dependencyGraphSchema, dependencyListSchema } from '@amb/shared/dependencies';
import { principleCoverageSchema } from '@amb/shared/principle-coverage';
import { api } from '../../lib/api-client';

const search = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();

export function useDependencyGraph(tz: string) {
  return useQuery({
    queryKey: ['pmo', 'dependency-graph', tz],
    queryFn: ({ signal }) =>
      api('GET', `/dashboard/dependencies/graph?${search({ tz })}`, { schema: dependencyGraphSchema, signal }),
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
      api('GET', `/dashboard/dependencies?${search({ ...filter })}`, { schema: dependencyListSchema, signal }),
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
      api('GET', `/dashboard/principle-coverage?${search({ ...filter, teams: filter.teams.join(',') })}`, {
        schema: principleCoverageSchema,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
