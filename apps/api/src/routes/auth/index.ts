import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meSchema, signInBodySchema, signUpBodySchema } from '@amb/shared/auth';
import { okSchema } from '@amb/shared/common';
import { errorBodySchema } from '@amb/shared/errors';
import { signedIn } from '../../plugins/auth';
import { getMe } from '../../services/auth/get-me';
import { endSession, SESSION_COOKIE } from '../../services/auth/sessions';
import { signIn } from '../../services/auth/sign-in';
import { signUp } from '../../services/auth/sign-up';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 409: errorBodySchema, 429: errorBodySchema };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app;
  const setSessionCookie = (reply: FastifyReply, session: { token: string; expiresAt: Date }) =>
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.COOKIE_SECURE,
      expires: session.expiresAt,
    });
  const loginLimit = { rateLimit: { max: config.LOGIN_RATE_LIMIT, timeWindow: '1 minute' } };

  app.post(
    '/sign-up',
    { config: loginLimit, schema: { tags: ['auth'], security: [], body: signUpBodySchema, response: { 201: meSchema, ...errors } } },
    async (request, reply) => {
      const { session, actor } = await signUp({
        db: app.db,
        body: request.body,
        ttlHours: config.SESSION_TTL_HOURS,
        allowed: config.ALLOW_SIGN_UP,
      });
      setSessionCookie(reply, session);
      return reply.status(201).send(await getMe({ db: app.db, actor }));
    },
  );

  app.post(
    '/sign-in',
    { config: loginLimit, schema: { tags: ['auth'], security: [], body: signInBodySchema, response: { 200: meSchema, ...errors } } },
    async (request, reply) => {
      const { session, actor } = await signIn({ db: app.db, body: request.body, ttlHours: config.SESSION_TTL_HOURS });
      setSessionCookie(reply, session);
      return getMe({ db: app.db, actor });
    },
  );

  app.post('/sign-out', { schema: { tags: ['auth'], response: { 200: okSchema } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(app.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/me', { schema: { tags: ['auth'], response: { 200: meSchema, 401: errorBodySchema } } }, async (request) =>
    getMe({ db: app.db, actor: signedIn(request) }),
  );

};
