import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  apiTokenListSchema,
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
};
