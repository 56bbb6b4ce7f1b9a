import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountSessionListSchema,
  changePasswordBodySchema,
  sessionParamsSchema,
  updateAccountBodySchema,
} from '@amb/shared/account';
import { meSchema } from '@amb/shared/auth';
import { okSchema } from '@amb/shared/common';
import { z } from 'zod';
import { signedIn } from '../../plugins/auth';
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
};
