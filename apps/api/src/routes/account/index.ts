import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  apiTokenListSchema,
  calendarFeedListSchema,
  calendarFeedParamsSchema,
  createCalendarFeedBodySchema,
  createdCalendarFeedSchema,
  apiTokenParamsSchema,
  createApiTokenBodySchema,
  createdApiTokenSchema,
  accountSessionListSchema,
  changePasswordBodySchema,
  sessionParamsSchema,
  updateAccountBodySchema,
} from '@amb/shared/account';
import { meSchema } from '@amb/shared/auth';
import { okSchema } from '@amb/shared/common';
import { z } from 'zod';
import { signedIn } from '../../plugins/auth';
import { createApiToken, listApiTokens, revokeApiToken } from '../../services/api-tokens/api-tokens';
import {
  createCalendarFeed,
  listCalendarFeeds,
  renewCalendarFeed,
  revokeCalendarFeed,
} from '../../services/calendar-feeds/calendar-feeds';
import { endAccountSession, listAccountSessions } from '../../services/account/account-sessions';
import { changePassword } from '../../services/account/change-password';
import { updateAccount } from '../../services/account/update-account';
import { writeErrors } from '../errors';

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });

  app.patch(
    '/',
    {
      schema: {
        tags: ['account'],
        summary: 'Change your name',
        body: updateAccountBodySchema,
        response: { 200: meSchema, ...writeErrors },
      },
    },
    async (request) => updateAccount(ctx(request), request.body),
  );

  app.put(
    '/password',
    {
      schema: {
        tags: ['account'],
        summary: 'Change your password (the current one is required); your other sessions end',
        body: changePasswordBodySchema,
        response: { 200: z.object({ endedSessions: z.number().int() }), ...writeErrors },
      },
    },
    async (request) => changePassword(ctx(request), request.body, request.sessionId!, app.config.PASSWORD_HASH_COST),
  );

  app.get(
    '/sessions',
    {
      schema: {
        tags: ['account'],
        summary: 'Your sessions',
        response: { 200: accountSessionListSchema, ...writeErrors },
      },
    },
    async (request) => ({ sessions: await listAccountSessions(ctx(request), request.sessionId!) }),
  );

  app.delete(
    '/sessions/:sessionId',
    {
      schema: {
        tags: ['account'],
        summary: 'End one of your sessions',
        params: sessionParamsSchema,
        response: { 200: okSchema, ...writeErrors },
      },
    },
    async (request) => {
      await endAccountSession(ctx(request), request.params.sessionId);
      return { ok: true as const };
    },
  );

  // Personal access tokens: made and revoked only from a signed-in browser, never with a token.
  const via = (request: { tokenId: string | null }): 'token' | 'session' => (request.tokenId ? 'token' : 'session');

  app.get(
    '/tokens',
    {
      schema: {
        tags: ['account'],
        summary: 'Your API tokens (their secrets are never shown again)',
        response: { 200: apiTokenListSchema, ...writeErrors },
      },
    },
    async (request) => ({ tokens: await listApiTokens(ctx(request)) }),
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags: ['account'],
        summary:
          'Make an API token for scripts: read-only or read-write, for at most a year; its secret is in this answer only',
        body: createApiTokenBodySchema,
        response: { 201: createdApiTokenSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await createApiToken(ctx(request), request.body, via(request))),
  );

  app.delete(
    '/tokens/:tokenId',
    {
      schema: {
        tags: ['account'],
        summary: 'Revoke one of your API tokens; it stops working at once',
        params: apiTokenParamsSchema,
        response: { 200: okSchema, ...writeErrors },
      },
    },
    async (request) => {
      await revokeApiToken(ctx(request), request.params.tokenId, via(request));
      return { ok: true as const };
    },
  );

  // Calendar feeds: managed, like tokens, only from a signed-in browser. Their URL is in the answer of a creation or a
  // renewal only, under PUBLIC_URL or the address this request came to.
  const origin = (request: { protocol: string; host: string }) =>
    app.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;

  app.get(
    '/calendar-feeds',
    {
      schema: {
        tags: ['account'],
        summary: 'Your calendar feeds (their URLs are never shown again)',
        response: { 200: calendarFeedListSchema, ...writeErrors },
      },
    },
    async (request) => ({ feeds: await listCalendarFeeds(ctx(request)) }),
  );

  app.post(
    '/calendar-feeds',
    {
      schema: {
        tags: ['account'],
        summary: 'Make a calendar feed of your cards or of a team you can read; its URL is in this answer only',
        body: createCalendarFeedBodySchema,
        response: { 201: createdCalendarFeedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCalendarFeed(ctx(request), request.body, via(request), origin(request))),
  );

  app.post(
    '/calendar-feeds/:feedId/renew',
    {
      schema: {
        tags: ['account'],
        summary: 'Give one of your calendar feeds a new URL (in this answer only); the old one stops working',
        params: calendarFeedParamsSchema,
        response: { 200: createdCalendarFeedSchema, ...writeErrors },
      },
    },
    async (request) => renewCalendarFeed(ctx(request), request.params.feedId, via(request), origin(request)),
  );

  app.delete(
    '/calendar-feeds/:feedId',
    {
      schema: {
        tags: ['account'],
        summary: 'Revoke one of your calendar feeds; its URL stops working at once',
        params: calendarFeedParamsSchema,
        response: { 200: okSchema, ...writeErrors },
      },
    },
    async (request) => {
      await revokeCalendarFeed(ctx(request), request.params.feedId, via(request));
      return { ok: true as const };
    },
  );
};
