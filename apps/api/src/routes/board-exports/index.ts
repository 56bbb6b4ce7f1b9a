import { Readable } from 'node:stream';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { boardParamsSchema } from '@amb/shared/boards';
import { signedIn } from '../../plugins/auth';
import { exportBoardCsv } from '../../services/exports/export-board-csv';
import { exportBoardJson } from '../../services/exports/export-board-json';
import { exportBoardXlsx } from '../../services/exports/export-board-xlsx';
import { readErrors } from '../errors';

// The body is a stream, sent as it is read; the schemas only document it.
const formats = {
  csv: {
    exporter: exportBoardCsv,
    type: 'text/csv; charset=utf-8',
    summary: 'The board as CSV: one row per card with every field (streamed)',
  },
  xlsx: {
    exporter: exportBoardXlsx,
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    summary: 'The board as an Excel workbook: the CSV export’s rows with numbers and dates typed, header frozen',
  },
  json: {
    exporter: exportBoardJson,
    type: 'application/json; charset=utf-8',
    summary: 'The board as JSON with comments, checklists, links and history, importable again (streamed)',
  },
} as const;

/** Under /boards: a board as a file, streamed. */
export const boardExportRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const [ext, format] of Object.entries(formats)) {
    app.get(
      `/:boardId/export.${ext}`,
      {
        schema: {
          tags: ['boards'],
          summary: format.summary,
          params: boardParamsSchema,
          response: { 200: z.string().describe(format.type), ...readErrors },
        },
      },
      async (request, reply) => {
        const file = await format.exporter({ db: app.db, actor: signedIn(request) }, request.params.boardId);
        return reply
          .type(format.type)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(Readable.from(file.body) as never);
      },
    );
  }
};
