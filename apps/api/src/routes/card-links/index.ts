import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { linkParamsSchema } from '@amb/shared/cards';
import { okSchema } from '@amb/shared/common';
import { signedIn } from '../../plugins/auth';
import { removeLink } from '../../services/cards/manage-links';
import { writeErrors } from '../errors';

export const cardLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/:linkId',
    {
      schema: {
        tags: ['cards'],
        summary: 'Remove a link between two cards',
        params: linkParamsSchema,
        response: { 200: okSchema, ...writeErrors },
      },
    },
    async (request) => removeLink({ db: app.db, actor: signedIn(request) }, request.params.linkId),
  );
};
