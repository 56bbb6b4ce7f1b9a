import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createSwimlaneBodySchema,
  swimlaneParamsSchema,
  swimlaneSchema,
  updateSwimlaneBodySchema,
} from '@amb/shared/boards';
import { okSchema } from '@amb/shared/common';
import { signedIn } from '../../plugins/auth';
import { createSwimlane, deleteSwimlane, updateSwimlane } from '../../services/board-layout/manage-swimlanes';
import { writeErrors } from '../errors';

export const swimlaneRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });
  const tags = ['board layout'];
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Add a swimlane to a board (scrum master, admin)',
        body: createSwimlaneBodySchema,
        response: { 201: swimlaneSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createSwimlane(ctx(request), request.body)),
  );
  app.patch(
    '/:swimlaneId',
    {
      schema: {
        tags,
        summary: 'Rename, reorder or set the WIP limit of a swimlane',
        params: swimlaneParamsSchema,
        body: updateSwimlaneBodySchema,
        response: { 200: swimlaneSchema, ...writeErrors },
      },
    },
    async (request) => updateSwimlane(ctx(request), request.params.swimlaneId, request.body),
  );
  app.delete(
    '/:swimlaneId',
    {
      schema: {
        tags,
        summary: 'Delete a swimlane; its cards leave it',
        params: swimlaneParamsSchema,
        response: { 200: okSchema, ...writeErrors },
      },
    },
    async (request) => deleteSwimlane(ctx(request), request.params.swimlaneId),
  );
};
