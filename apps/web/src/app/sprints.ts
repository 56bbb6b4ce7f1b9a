import { queryOptions } from '@tanstack/react-query';
import { sprintListSchema } from '@amb/shared/sprints';
import { api } from '../lib/api-client';

/**
 * A team's sprints: one cache entry shared by the card panel and the sprint pages. The board reads the same key
 * without parsing the answer again (features/board/api.ts), to keep the sprint schemas out of its first download.
 */
export const teamSprintsQuery = (teamId: string) =>
  queryOptions({
    queryKey: ['sprints', teamId, 'list'],
    queryFn: ({ signal }) => api('GET', `/sprints?teamId=${teamId}`, { schema: sprintListSchema, signal }),
  });
