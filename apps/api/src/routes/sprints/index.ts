import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sprintDetailSchema, sprintListQuerySchema, sprintListSchema, sprintParamsSchema } from '@amb/shared/sprints';
import { signedIn } from '../../plugins/auth';
import { getSprint } from '../../services/sprints/get-sprint';
import { listSprints } from '../../services/sprints/list-sprints';
import { readErrors } from '../errors';

export const sprintRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });
  app.get('/', { schema: { tags: ['sprints'], summary: 'A team’s sprints with committed and done points', querystring: sprintListQuerySchema, response: { 200: sprintListSchema, ...readErrors } } }, async (request) =>
    listSprints(ctx(request), request.query.teamId),
  );
  app.get('/:sprintId', { schema: { tags: ['sprints'], summary: 'A sprint and its cards', params: sprintParamsSchema, response: { 200: sprintDetailSchema, ...readErrors } } }, async (request) =>
    getSprint(ctx(request), request.params.sprintId),
  );
};
