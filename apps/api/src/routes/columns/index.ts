import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { columnParamsSchema, columnSchema, createColumnBodySchema, updateColumnBodySchema } from '@amb/shared/boards';
import { okSchema } from '@amb/shared/common';
import { signedIn } from '../../plugins/auth';
import { createColumn, deleteColumn, updateColumn } from '../../services/board-layout/manage-columns';
import { writeErrors } from '../errors';

export const columnRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });
  const tags = ['board layout'];
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Add a column to a board (scrum master, admin)',
        body: createColumnBodySchema,
        response: { 201: columnSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createColumn(ctx(request), request.body)),
  );
  app.patch(
    '/:columnId',
    {
      schema: {
        tags,
        summary: 'Rename, reorder, or set the WIP limit, policy, flow category or aging threshold of a column',
        params: columnParamsSchema,
        body: updateColumnBodySchema,
        response: { 200: columnSchema, ...writeErrors },
      },
    },
    async (request) => updateColumn(ctx(request), request.params.columnId, request.body),
  );
  app.delete(
    '/:columnId',
    {
      schema: {
        tags,
        summary: 'Delete an empty column (409 while it holds cards)',
        params: columnParamsSchema,
        response: { 200: okSchema, ...writeErrors },
      },
    },
    async (request) => deleteColumn(ctx(request), request.params.columnId),
  );
};
