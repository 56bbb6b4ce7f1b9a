import { useQuery } from '@tanstack/react-query';
import { sprintListSchema } from '@amb/shared/sprints';
import { api } from '../../lib/api-client';

/** The team's active sprint, for the board's "only the active sprint" filter. */
export function useActiveSprint(teamId: string | undefined) {
  const sprints = useQuery({ queryKey: ['sprints', teamId, 'list'], enabled: Boolean(teamId), queryFn: ({ signal }) => api('GET', `/sprints?teamId=${teamId}`, { schema: sprintListSchema, signal }) });
  return sprints.data?.sprints.find((s) => s.state === 'ACTIVE') ?? null;
}
