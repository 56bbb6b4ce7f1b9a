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
  // Secure whenever the app is served over HTTPS: configured (COOKIE_SECURE, an https PUBLIC_URL) or seen on the
  // request itself (TLS here, or X-Forwarded-Proto from a trusted proxy).
  const secureCookie = (reply: FastifyReply) => config.COOKIE_SECURE ?? (config.PUBLIC_URL?.startsWith('https:') || reply.request.protocol === 'https');
  const setSessionCookie = (reply: FastifyReply, session: { token: string; expiresAt: Date }) =>
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookie(reply),
      expires: session.expiresAt,
    });
  const signInPolicy = {
    ttlHours: config.SESSION_TTL_HOURS,
    hashCost: config.PASSWORD_HASH_COST,
    accountLimit: config.LOGIN_ACCOUNT_LIMIT,
    lockoutMinutes: config.LOGIN_LOCKOUT_MINUTES,
  };
  const loginLimit = { rateLimit: { max: config.LOGIN_RATE_LIMIT, timeWindow: '1 minute' } };

  app.post(
    '/sign-up',
    { config: loginLimit, schema: { tags: ['auth'], security: [], body: signUpBodySchema, response: { 201: meSchema, ...errors } } },
    async (request, reply) => {
      const { session, actor } = await signUp({
        db: app.db,
        body: request.body,
        ttlHours: config.SESSION_TTL_HOURS,
        hashCost: config.PASSWORD_HASH_COST,
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
      const { session, actor } = await signIn({ db: app.db, body: request.body, policy: signInPolicy });
      setSessionCookie(reply, session);
      return getMe({ db: app.db, actor });
    },
  );

  app.post('/sign-out', { schema: { tags: ['auth'], response: { 200: okSchema } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(app.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookie(reply) });
    return { ok: true as const };
  });

  app.get('/me', { schema: { tags: ['auth'], response: { 200: meSchema, 401: errorBodySchema } } }, async (request) =>
    getMe({ db: app.db, actor: signedIn(request) }),
  );

};
