import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createPrincipleBodySchema,
  principleListSchema,
  principleParamsSchema,
  principleSchema,
  updatePrincipleBodySchema,
} from '@amb/shared/principles';
import { signedIn } from '../../plugins/auth';
import { createPrinciple } from '../../services/principles/create-principle';
import { listPrinciples } from '../../services/principles/list-principles';
import { updatePrinciple } from '../../services/principles/update-principle';
import { readErrors, writeErrors } from '../errors';

export const principleRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });

  app.get(
    '/',
    {
      schema: {
        tags: ['principles'],
        summary: 'The organisation’s manifesto principles',
        response: { 200: principleListSchema, ...readErrors },
      },
    },
    async (request) => ({
      principles: await listPrinciples(ctx(request)),
    }),
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['principles'],
        summary: 'Add a principle (admin)',
        body: createPrincipleBodySchema,
        response: { 201: principleSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createPrinciple(ctx(request), request.body)),
  );

  app.patch(
    '/:principleId',
    {
      schema: {
        tags: ['principles'],
        summary: 'Rename, reorder or archive a principle (admin)',
        params: principleParamsSchema,
        body: updatePrincipleBodySchema,
        response: { 200: principleSchema, ...writeErrors },
      },
    },
    async (request) => updatePrinciple(ctx(request), request.params.principleId, request.body),
  );
};
