import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema } from '@amb/shared/errors';
import {
  IMPORT_MAX_BYTES,
  importJobSchema,
  importParamsSchema,
  startImportBodySchema,
  teamImportParamsSchema,
} from '@amb/shared/imports';
import { signedIn } from '../../plugins/auth';
import { getImport } from '../../services/imports/get-import';
import { startImport } from '../../services/imports/start-import';
import { readErrors, writeErrors } from '../errors';

/** Under /teams: import a file into the team's board. */
export const teamImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/:teamId/imports',
    {
      // The file travels base64-encoded in the body: a third larger than the file, plus the mapping.
      bodyLimit: Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 64 * 1024,
      schema: {
        tags: ['import'],
        summary:
          'Check a Trello export, a CSV file or a board export and import it into the team’s board in the background (scrum master, admin)',
        params: teamImportParamsSchema,
        body: startImportBodySchema,
        response: { 202: importJobSchema, ...writeErrors, 429: errorBodySchema },
      },
    },
    async (request, reply) => {
      const job = await startImport({ db: app.db, actor: signedIn(request) }, request.params.teamId, request.body, {
        requestId: request.id,
        checker: app.importChecker,
      });
      app.imports.kick();
      return reply.code(202).send(job);
    },
  );
};

/** Under /imports: an import's progress and report. */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:importId',
    {
      schema: {
        tags: ['import'],
        summary: 'An import’s progress, and its report once done',
        params: importParamsSchema,
        response: { 200: importJobSchema, ...readErrors },
      },
    },
    async (request) => getImport({ db: app.db, actor: signedIn(request) }, request.params.importId),
  );
};
