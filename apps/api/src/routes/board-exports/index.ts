import { Readable } from 'node:stream';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { boardParamsSchema } from '@amb/shared/boards';
import { signedIn } from '../../plugins/auth';
import { exportBoardCsv } from '../../services/exports/export-board-csv';
import { exportBoardJson } from '../../services/exports/export-board-json';
import { readErrors } from '../errors';

// The body is a stream, sent as it is read; these only document it.
const csvFile = z.string().describe('text/csv, a header row then one row per card');
const jsonFile = z.string().describe('application/json in the board export format (see packages/shared/src/board-export.ts)');

/** Under /boards: a board as a file, streamed. */
export const boardExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:boardId/export.csv',
    { schema: { tags: ['boards'], summary: 'The board as CSV: one row per card with every field (streamed)', params: boardParamsSchema, response: { 200: csvFile, ...readErrors } } },
    async (request, reply) => {
      const file = await exportBoardCsv({ db: app.db, actor: signedIn(request) }, request.params.boardId);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.filename}"`).send(Readable.from(file.body) as never);
    },
  );
  app.get(
    '/:boardId/export.json',
    { schema: { tags: ['boards'], summary: 'The board as JSON with comments, checklists, links and history, importable again (streamed)', params: boardParamsSchema, response: { 200: jsonFile, ...readErrors } } },
    async (request, reply) => {
      const file = await exportBoardJson({ db: app.db, actor: signedIn(request) }, request.params.boardId);
      return reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="${file.filename}"`).send(Readable.from(file.body) as never);
    },
  );
};
