import { queryOptions, useQuery } from '@tanstack/react-query';
import { teamListSchema, type Team } from '@amb/shared/teams';
import { api } from '../lib/api-client';

/** The teams the signed-in person can see, with their role on each: one query the whole app shares. */
export const teamsQuery = queryOptions({
  queryKey: ['teams'],
  queryFn: ({ signal }) => api('GET', '/teams', { schema: teamListSchema, signal }).then((r) => r.teams),
});

/** Every team (undefined while loading). */
export function useTeams(): Team[] | undefined {
  return useQuery(teamsQuery).data;
}

/** One team by id: `team` is undefined while loading or when the person cannot see it (`loaded` tells which). */
export function useTeam(teamId: string | undefined): { team: Team | undefined; loaded: boolean } {
  const { data } = useQuery(teamsQuery);
  return { team: data?.find((t) => t.id === teamId), loaded: data !== undefined };
}
