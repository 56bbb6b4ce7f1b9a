import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { boardEventsQuerySchema, boardParamsSchema } from '@amb/shared/boards';
import { signedIn } from '../../plugins/auth';
import { watchBoard } from '../../services/board-events/watch-board';
import { readErrors } from '../errors';

const HEARTBEAT_MS = 15_000;

export const boardEventRoutes: FastifyPluginAsyncZod = async (app) => {
  // Open streams end when the app closes, so shutting down does not wait on watching browsers.
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => streams.forEach((end) => end()));

  app.get(
    '/:boardId/events',
    {
      schema: {
        tags: ['boards'],
        summary: 'Live changes to a board (server-sent events)',
        description:
          'A text/event-stream of `event: board` messages whose data is a BoardEvent and whose id is an activity id. ' +
          'Reconnect with `?after=<id>` (or the Last-Event-ID header) to receive everything missed.',
        params: boardParamsSchema,
        querystring: boardEventsQuerySchema,
        response: readErrors,
      },
    },
    async (request, reply) => {
      const lastEventId = request.headers['last-event-id'];
      // A browser reconnecting by itself repeats the first URL and adds Last-Event-ID, which is the newer of the two.
      const after = typeof lastEventId === 'string' && /^\d+$/.test(lastEventId) ? lastEventId : request.query.after;
      const raw = reply.raw;
      let open = true;
      const write = (text: string) => open && raw.write(text);
      // Access is checked before the stream starts, so refusals are ordinary JSON errors.
      const stop = await watchBoard({ db: app.db, actor: signedIn(request) }, app.boardEvents, request.params.boardId, after, (event) =>
        write(`id: ${event.activityId}\nevent: board\ndata: ${JSON.stringify(event)}\n\n`),
      );
      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 2000\n\n');
      const heartbeat = setInterval(() => write(': still here\n\n'), HEARTBEAT_MS);
      const end = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        stop();
        streams.delete(end);
        raw.end();
      };
      streams.add(end);
      request.raw.on('close', end);
    },
  );
};
