import { createHash } from 'node:crypto';
import { errorBodySchema } from '@amb/shared/errors';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noneMatch } from '../../lib/etag';
import { readCalendarFeed } from '../../services/calendar-feeds/read-calendar-feed';

/**
 * The feed a calendar app subscribes to. No session: the secret in the URL is the credential (like an unsubscribe
 * link), and what it lists is decided again at every fetch. Calendar apps poll, so an unchanged feed answers 304.
 */
export const calendarFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:file',
    {
      schema: {
        tags: ['account'],
        summary: 'A calendar feed (iCalendar): the URL shown when it was made or renewed, ending in .ics',
        params: z.object({ file: z.string().max(300) }),
        response: { 200: z.string(), 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { file } = request.params;
      const secret = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : '';
      const origin = app.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;
      const text = await readCalendarFeed(app.db, secret, origin);
      const etag = `W/"${createHash('sha1').update(text).digest('base64url')}"`;
      reply.header('etag', etag).header('cache-control', 'private, max-age=300');
      if (noneMatch(request.headers['if-none-match'], etag)) return (reply as FastifyReply).code(304).send();
      return reply.type('text/calendar; charset=utf-8').send(text);
    },
  );
};
