import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { boardEventsQuerySchema, boardParamsSchema } from '@amb/shared/boards';
import { signedIn } from '../../plugins/auth';
import { watchBoard } from '../../services/board-events/watch-board';
import { readErrors } from '../errors';

const HEARTBEAT_MS = 15_000;
/** How soon a browser reconnects after its stream ends (EventSource's `retry:`): to another process, or this one restarted. */
const RECONNECT_MS = 2000;

export const boardEventRoutes: FastifyPluginAsyncZod = async (app) => {
  // Open streams end when the app closes, with a hint to reconnect, so shutting down does not wait on watching
  // browsers and they come back by themselves, from the last event they saw.
  const streams = new Set<(goodbye?: string) => void>();
  app.addHook('preClose', async () => streams.forEach((end) => end(`retry: ${RECONNECT_MS}\n: the server is restarting; reconnect\n\n`)));

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
      raw.write(`retry: ${RECONNECT_MS}\n\n`);
      const heartbeat = setInterval(() => write(': still here\n\n'), HEARTBEAT_MS);
      const end = (goodbye?: string) => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        stop();
        streams.delete(end);
        raw.end(goodbye);
      };
      streams.add(end);
      request.raw.on('close', () => end());
    },
  );
};
