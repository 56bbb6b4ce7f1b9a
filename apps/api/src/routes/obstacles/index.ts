import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cardParamsSchema } from '@amb/shared/cards';
import {
  blockedTimeSchema,
  obstacleListQuerySchema,
  obstacleListSchema,
  timeToClearSchema,
} from '@amb/shared/obstacle-reports';
import { pmoHandlingBodySchema, pmoHandlingSchema } from '@amb/shared/obstacles';
import { portfolioQuerySchema } from '@amb/shared/portfolio';
import { z } from 'zod';
import { signedIn } from '../../plugins/auth';
import { getBlockedTime } from '../../services/obstacles/get-blocked-time';
import { getTimeToClear } from '../../services/obstacles/get-time-to-clear';
import { listObstacles } from '../../services/obstacles/list-obstacles';
import { setPmoHandling } from '../../services/obstacles/set-pmo-handling';
import { readErrors, writeErrors } from '../errors';

const tags = ['obstacles'];

/** The PMO's obstacle reports across teams. Reads go to the read replica when one is configured. */
export const obstacleReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.readDb, actor: signedIn(request) });
  app.get(
    '/obstacles',
    {
      schema: {
        tags,
        summary: 'Every blocked card on the teams the person may read, oldest obstacle first unless sorted otherwise',
        querystring: obstacleListQuerySchema,
        response: { 200: obstacleListSchema, ...readErrors },
      },
    },
    async (request) => listObstacles(ctx(request), request.query),
  );
  app.get(
    '/obstacles/blocked-time',
    {
      schema: {
        tags,
        summary: 'Card-hours blocked per team and blocker category within the period',
        querystring: portfolioQuerySchema,
        response: { 200: blockedTimeSchema, ...readErrors },
      },
    },
    async (request) => getBlockedTime(ctx(request), request.query),
  );
  app.get(
    '/obstacles/time-to-clear',
    {
      schema: {
        tags,
        summary: 'Weekly median time to clear an obstacle, per blocker category and per team',
        querystring: portfolioQuerySchema,
        response: { 200: timeToClearSchema, ...readErrors },
      },
    },
    async (request) => getTimeToClear(ctx(request), request.query),
  );
};

/** The PMO's own flow for an escalated obstacle: being handled, then cleared. */
export const pmoHandlingRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });
  app.put(
    '/:cardId/pmo-handling',
    {
      schema: {
        tags,
        summary:
          'The PMO takes on an escalated obstacle (handling) or says it is cleared, with a note the team sees (PMO, admin)',
        params: cardParamsSchema,
        body: pmoHandlingBodySchema,
        response: { 200: z.object({ cardId: z.string(), pmo: pmoHandlingSchema }), ...writeErrors },
      },
    },
    async (request) => setPmoHandling(ctx(request), request.params.cardId, request.body),
  );
};
