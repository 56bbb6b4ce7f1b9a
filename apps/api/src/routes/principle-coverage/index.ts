import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principleCoverageQuerySchema, principleCoverageSchema } from '@amb/shared/principle-coverage';
import { signedIn } from '../../plugins/auth';
import { getPrincipleCoverage } from '../../services/principle-coverage/get-principle-coverage';
import { readErrors } from '../errors';

/** How the visible teams' finished work spreads over the manifesto's principles, and their experiments' results. */
export const principleCoverageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/principle-coverage',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          'Cards and points finished per principle, team and week or month; neglected principles; experiments by result',
        querystring: principleCoverageQuerySchema,
        response: { 200: principleCoverageSchema, ...readErrors },
      },
    },
    async (request) => getPrincipleCoverage({ db: app.readDb, actor: signedIn(request) }, request.query),
  );
};
