import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { boardEventsQuerySchema, boardParamsSchema } from '@amb/shared/boards';
import { signedIn } from '../../plugins/auth';
import { SESSION_COOKIE } from '../../services/auth/sessions';
import { watchBoard } from '../../services/board-events/watch-board';
import { readErrors } from '../errors';

const HEARTBEAT_MS = 15_000;
/** How soon a browser reconnects after its stream ends (EventSource's `retry:`): to another process, or this one restarted. */
const RECONNECT_MS = 2000;

export const boardEventRoutes: FastifyPluginAsyncZod = async (app) => {
  // Open streams end when the app closes, with a hint to reconnect, so shutting down does not wait on watching
  // browsers and they come back by themselves, from the last event they saw.
  const streams = new Set<(goodbye?: string) => void>();
  app.addHook('preClose', async () =>
    streams.forEach((end) => end(`retry: ${RECONNECT_MS}\n: the server is restarting; reconnect\n\n`)),
  );

  app.get(
    '/:boardId/events',
    {
      schema: {
        tags: ['boards'],
        summary: 'Live changes to a board (server-sent events)',
        description:
          'A text/event-stream of `event: board` messages whose data is a BoardEvent and whose id is the position of its entry in commit order. ' +
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
      // Access and the caps are checked before the stream starts, so refusals are ordinary JSON errors.
      const actor = signedIn(request);
      app.liveStreams.admit(actor);
      const { stop, teamId } = await watchBoard(
        { db: app.db, actor },
        app.boardEvents,
        request.params.boardId,
        after,
        (_event, frame) => write(frame),
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
      let forget = () => {};
      const end = (goodbye?: string) => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        stop();
        forget();
        streams.delete(end);
        raw.end(goodbye);
      };
      streams.add(end);
      // Closed by the server when the person loses the team or the session: the browser is told why, and its
      // automatic reconnect then meets the ordinary 401 or 404.
      forget = app.liveStreams.add({
        userId: actor.id,
        sessionToken: request.cookies[SESSION_COOKIE]!,
        teamId,
        close: (reason) => {
          write(`event: closed\ndata: ${JSON.stringify({ reason })}\n\n`);
          end();
        },
      });
      request.raw.on('close', () => end());
    },
  );
};
