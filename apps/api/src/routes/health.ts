import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '@amb/shared/errors';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Checks that the API is up and can reach its database',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), database: z.literal('ok') }), 503: errorBodySchema },
      },
    },
    async (request, reply) => {
      try {
        await app.db.$queryRaw`SELECT 1`;
        return { status: 'ok' as const, database: 'ok' as const };
      } catch (err) {
        request.log.error({ err }, 'health check: database unreachable');
        return reply.status(503).send({ error: { code: 'UNAVAILABLE', message: 'The database is unreachable' } });
      }
    },
  );
};
