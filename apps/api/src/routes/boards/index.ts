import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { boardParamsSchema, boardViewSchema } from '@amb/shared/boards';
import { sendJsonWithEtag } from '../../lib/etag';
import { signedIn } from '../../plugins/auth';
import { getBoard } from '../../services/boards/get-board';
import { readErrors } from '../errors';

export const boardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:boardId',
    {
      schema: {
        tags: ['boards'],
        summary: 'A board with its columns, swimlanes and open cards',
        params: boardParamsSchema,
        response: { 200: boardViewSchema, ...readErrors },
      },
      // The service builds this response from typed rows; re-checking 5,000 cards against the schema on the way
      // out would cost more than the query. The schema still documents the route and types the service.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request, reply) =>
      sendJsonWithEtag(
        request,
        reply,
        JSON.stringify(await getBoard({ db: app.db, actor: signedIn(request) }, request.params.boardId)),
      ),
  );
};
