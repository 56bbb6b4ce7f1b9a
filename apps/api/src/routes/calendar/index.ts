import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarQuerySchema, calendarSchema } from '@amb/shared/calendar';
import { teamParamsSchema } from '@amb/shared/teams';
import { signedIn } from '../../plugins/auth';
import { getMyCalendar } from '../../services/calendar/get-my-calendar';
import { getTeamCalendar } from '../../services/calendar/get-team-calendar';
import { readErrors } from '../errors';

const description = 'The days from and to are both included, at most 42 of them (a month view’s six weeks).';

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });
  const tags = ['calendar'];

  app.get(
    '/teams/:teamId/calendar',
    {
      schema: {
        tags,
        summary: 'The team’s marketing calendar: its cards with dates in a range of days, and its sprints there',
        description,
        params: teamParamsSchema,
        querystring: calendarQuerySchema,
        response: { 200: calendarSchema, ...readErrors },
      },
    },
    async (request) => getTeamCalendar(ctx(request), request.params.teamId, request.query),
  );

  app.get(
    '/calendar',
    {
      schema: {
        tags,
        summary: 'My calendar: the cards I own with dates in a range of days, on every team I can read',
        description,
        querystring: calendarQuerySchema,
        response: { 200: calendarSchema, ...readErrors },
      },
    },
    async (request) => getMyCalendar(ctx(request), request.query),
  );
};
