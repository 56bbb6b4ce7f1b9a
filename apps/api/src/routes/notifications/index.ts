import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { cardParamsSchema } from '@amb/shared/cards';
import {
  inboxQuerySchema,
  inboxSchema,
  mentionCandidatesQuerySchema,
  mentionCandidatesSchema,
  notificationParamsSchema,
  preferencesSchema,
  unreadCountSchema,
  updatePreferencesBodySchema,
  watchersSchema,
} from '@amb/shared/notifications';
import { teamParamsSchema } from '@amb/shared/sprints';
import { z } from 'zod';
import { signedIn } from '../../plugins/auth';
import { countUnread, listInbox } from '../../services/notifications/list-inbox';
import { markAllNotificationsRead, markNotificationRead } from '../../services/notifications/mark-read';
import { cardMentionCandidates, teamMentionCandidates } from '../../services/notifications/mention-candidates';
import { getPreferences, updatePreferences } from '../../services/notifications/preferences';
import { escapeHtml, preferencesUrl } from '../../services/notifications/notification-mail';
import { personOfUnsubscribeToken, unsubscribe } from '../../services/notifications/unsubscribe';
import { listWatchers, setWatching } from '../../services/notifications/watch-card';
import { readErrors, writeErrors } from '../errors';
import { errorBodySchema } from '@amb/shared/errors';

const HEARTBEAT_MS = 15_000;
const RECONNECT_MS = 2000;
const tags = ['notifications'];

/** The person's inbox, its live unread count, and their notification preferences. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => streams.forEach((end) => end()));

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'My newest notifications and how many are unread',
        querystring: inboxQuerySchema,
        response: { 200: inboxSchema, ...readErrors },
      },
    },
    async (request) => listInbox(ctx(request), request.query.unreadOnly === 'true'),
  );
  app.get(
    '/unread',
    {
      schema: {
        tags,
        summary: 'How many of my notifications are unread',
        response: { 200: unreadCountSchema, ...readErrors },
      },
    },
    async (request) => countUnread(ctx(request)),
  );
  app.post(
    '/:notificationId/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: notificationParamsSchema,
        response: { 200: unreadCountSchema, ...writeErrors },
      },
    },
    async (request) => {
      const result = await markNotificationRead(ctx(request), request.params.notificationId);
      app.inbox.changed(signedIn(request).id);
      return result;
    },
  );
  app.post(
    '/read-all',
    {
      schema: { tags, summary: 'Mark all my notifications read', response: { 200: unreadCountSchema, ...writeErrors } },
    },
    async (request) => {
      const result = await markAllNotificationsRead(ctx(request));
      app.inbox.changed(signedIn(request).id);
      return result;
    },
  );
  app.get(
    '/preferences',
    {
      schema: {
        tags,
        summary: 'How I want to be told, per kind of event',
        response: { 200: preferencesSchema, ...readErrors },
      },
    },
    async (request) => getPreferences(ctx(request)),
  );
  app.put(
    '/preferences',
    {
      schema: {
        tags,
        summary: 'Change how I want to be told',
        body: updatePreferencesBodySchema,
        response: { 200: preferencesSchema, ...writeErrors },
      },
    },
    async (request) => updatePreferences(ctx(request), request.body),
  );

  // The unsubscribe link in every notification mail: the token is its own credential (no session). Opening it shows
  // a button, so a mail scanner that follows links changes nothing; a POST (the button, or a mail client's
  // one-click under RFC 8058, which sends no Origin) stops the mail.
  const unsubscribeQuery = z.object({ token: z.string().min(10).max(200) });
  const page = (title: string, body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>` +
    `<body style="font-family:sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><main><h1>${title}</h1>${body}</main></body></html>`;
  const publicErrors = { 200: z.string(), 400: errorBodySchema, 404: errorBodySchema, 429: errorBodySchema };
  const linkLimit = { rateLimit: { max: app.config.LOGIN_RATE_LIMIT * 3, timeWindow: '1 minute' } };
  app.get(
    '/unsubscribe',
    {
      config: linkLimit,
      schema: {
        tags,
        summary: 'The page an unsubscribe link opens (HTML)',
        querystring: unsubscribeQuery,
        response: publicErrors,
      },
    },
    async (request, reply) => {
      const person = await personOfUnsubscribeToken(app.db, request.query.token);
      const action = `?token=${encodeURIComponent(request.query.token)}`;
      return reply
        .type('text/html; charset=utf-8')
        .send(
          page(
            'Stop notification e-mail',
            `<p>Stop every notification e-mail to ${escapeHtml(person.email)}? Your inbox in the board still fills.</p>` +
              `<form method="post" action="${escapeHtml(action)}"><button type="submit">Stop e-mail</button></form>`,
          ),
        );
    },
  );
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // Mail clients send the one-click as a form; the body says nothing the URL does not, so it is not read.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, _b, done) =>
      done(null, {}),
    );
    scope.post(
      '/unsubscribe',
      {
        config: linkLimit,
        schema: {
          tags,
          summary: 'Stop all my notification e-mail (one-click unsubscribe)',
          querystring: unsubscribeQuery,
          response: publicErrors,
        },
      },
      async (request, reply) => {
        await unsubscribe(app.db, request.query.token);
        const base = app.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;
        return reply
          .type('text/html; charset=utf-8')
          .send(
            page(
              'No more notification e-mail',
              `<p>You will get no more notification e-mail. ` +
                `<a href="${escapeHtml(preferencesUrl(base))}">Choose again</a> any time.</p>`,
            ),
          );
      },
    );
  });

  app.get(
    '/events',
    {
      schema: {
        tags,
        summary: 'My unread count, live (server-sent events)',
        description:
          'A text/event-stream of `event: unread` messages whose data is `{ "unread": n }`, sent on opening and whenever the inbox changes.',
        response: readErrors,
      },
    },
    async (request, reply) => {
      const c = ctx(request);
      const raw = reply.raw;
      let open = true;
      const write = (text: string) => open && raw.write(text);
      const send = () =>
        void countUnread(c)
          .then((count) => write(`event: unread\ndata: ${JSON.stringify(count)}\n\n`))
          .catch(() => {});
      const stop = await app.inbox.subscribe(c.actor.id, send);
      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write(`retry: ${RECONNECT_MS}\n\n`);
      send();
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

/** Watching a card, and the people a mention on a card may name. */
export const cardNotificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });
  app.get(
    '/:cardId/watchers',
    {
      schema: {
        tags,
        summary: 'Who watches a card',
        params: cardParamsSchema,
        response: { 200: watchersSchema, ...readErrors },
      },
    },
    async (request) => listWatchers(ctx(request), request.params.cardId),
  );
  app.put(
    '/:cardId/watch',
    {
      schema: {
        tags,
        summary: 'Start or stop watching a card',
        params: cardParamsSchema,
        body: z.object({ watching: z.boolean() }),
        response: { 200: watchersSchema, ...writeErrors },
      },
    },
    async (request) => setWatching(ctx(request), request.params.cardId, request.body.watching),
  );
  app.get(
    '/:cardId/mention-candidates',
    {
      schema: {
        tags,
        summary: 'People who can read the card, by name, for a mention',
        params: cardParamsSchema,
        querystring: mentionCandidatesQuerySchema,
        response: { 200: mentionCandidatesSchema, ...readErrors },
      },
    },
    async (request) => cardMentionCandidates(ctx(request), request.params.cardId, request.query.q),
  );
};

/** The people a mention in the team's retrospective may name. */
export const teamNotificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:teamId/mention-candidates',
    {
      schema: {
        tags,
        summary: "People who can read the team's cards, by name, for a mention",
        params: teamParamsSchema,
        querystring: mentionCandidatesQuerySchema,
        response: { 200: mentionCandidatesSchema, ...readErrors },
      },
    },
    async (request) =>
      teamMentionCandidates({ db: app.db, actor: signedIn(request) }, request.params.teamId, request.query.q),
  );
};
