import { useQuery } from '@tanstack/react-query';
import { cardSummarySchema } from '@amb/shared/boards';
import { sprintListSchema } from '@amb/shared/sprints';
import { api } from '../../lib/api-client';

// The card panel's calls about sprints.

export const useTeamSprints = (teamId: string) =>
  useQuery({ queryKey: ['sprints', teamId, 'list'], queryFn: ({ signal }) => api('GET', `/sprints?teamId=${teamId}`, { schema: sprintListSchema, signal }) });

export const setCardSprint = (cardId: string, sprintId: string | null) => api('PUT', `/cards/${cardId}/sprint`, { body: { sprintId }, schema: cardSummarySchema });
