import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  dependencyGraphQuerySchema,
  dependencyGraphSchema,
  dependencyListSchema,
  dependencyQuerySchema,
} from '@amb/shared/dependencies';
import { signedIn } from '../../plugins/auth';
import { getDependencyGraph } from '../../services/dependencies/get-dependency-graph';
import { listDependencies } from '../../services/dependencies/list-dependencies';
import { readErrors } from '../errors';

/** Open waits between teams, for the PMO. A link shows only to those who may read both of its teams. */
export const dependencyRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.readDb, actor: signedIn(request) });
  const tags = ['dashboard'];
  app.get(
    '/dependencies',
    {
      schema: {
        tags,
        summary: 'Open cross-team waits (a card waiting on another team’s card), at-risk first',
        querystring: dependencyQuerySchema,
        response: { 200: dependencyListSchema, ...readErrors },
      },
    },
    async (request) => listDependencies(ctx(request), request.query),
  );
  app.get(
    '/dependencies/graph',
    {
      schema: {
        tags,
        summary: 'Teams joined by open waits, with how many links and how many at risk per pair',
        querystring: dependencyGraphQuerySchema,
        response: { 200: dependencyGraphSchema, ...readErrors },
      },
    },
    async (request) => getDependencyGraph(ctx(request), request.query),
  );
};
