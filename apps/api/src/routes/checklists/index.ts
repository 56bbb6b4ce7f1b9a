import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addChecklistItemBodySchema,
  checklistItemParamsSchema,
  checklistItemSchema,
  checklistParamsSchema,
  updateChecklistItemBodySchema,
} from '@amb/shared/cards';
import { okSchema } from '@amb/shared/common';
import { signedIn } from '../../plugins/auth';
import {
  addChecklistItem,
  deleteChecklist,
  deleteChecklistItem,
  updateChecklistItem,
} from '../../services/checklists/manage-checklists';
import { writeErrors } from '../errors';

export const checklistRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });
  const tags = ['cards'];
  app.post(
    '/:checklistId/items',
    {
      schema: {
        tags,
        summary: 'Add an item to a checklist',
        params: checklistParamsSchema,
        body: addChecklistItemBodySchema,
        response: { 201: checklistItemSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addChecklistItem(ctx(request), request.params.checklistId, request.body.text)),
  );
  app.delete(
    '/:checklistId',
    {
      schema: {
        tags,
        summary: 'Delete a checklist',
        params: checklistParamsSchema,
        response: { 200: okSchema, ...writeErrors },
      },
    },
    async (request) => deleteChecklist(ctx(request), request.params.checklistId),
  );
  app.patch(
    '/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Tick or reword a checklist item',
        params: checklistItemParamsSchema,
        body: updateChecklistItemBodySchema,
        response: { 200: checklistItemSchema, ...writeErrors },
      },
    },
    async (request) => updateChecklistItem(ctx(request), request.params.itemId, request.body),
  );
  app.delete(
    '/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Delete a checklist item',
        params: checklistItemParamsSchema,
        response: { 200: okSchema, ...writeErrors },
      },
    },
    async (request) => deleteChecklistItem(ctx(request), request.params.itemId),
  );
};
