import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboardSchema } from '@amb/shared/dashboard';
import { signedIn } from '../../plugins/auth';
import { teamOverview } from '../../services/dashboard/team-overview';
import { readErrors } from '../errors';

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/teams',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Every visible team at a glance: WIP against limits, obstacles, the active sprint',
        response: { 200: dashboardSchema, ...readErrors },
      },
    },
    async (request) => teamOverview({ db: app.db, actor: signedIn(request) }),
  );
};
