import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meSchema, signInBodySchema } from '@amb/shared/auth';
import { signUpBodySchema } from '@amb/shared/sign-up';
import { okSchema } from '@amb/shared/common';
import { errorBodySchema } from '@amb/shared/errors';
import { signUpStatusSchema } from '@amb/shared/organisation';
import { publicOrigin, secureCookie, setSessionCookie, signInPolicy, userAgentOf } from '../../lib/http';
import { signedIn } from '../../plugins/auth';
import { getMe } from '../../services/auth/get-me';
import { endSession, SESSION_COOKIE } from '../../services/auth/sessions';
import { signIn } from '../../services/auth/sign-in';
import { signUp } from '../../services/auth/sign-up';
import { getSignUpStatus } from '../../services/settings/get-sign-up-status';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  409: errorBodySchema,
  429: errorBodySchema,
};

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app;
  const loginLimit = { rateLimit: { max: config.LOGIN_RATE_LIMIT, timeWindow: '1 minute' } };

  app.get(
    '/sign-up-status',
    {
      schema: {
        tags: ['auth'],
        security: [],
        summary: 'Whether this is a fresh install and who may sign up',
        response: { 200: signUpStatusSchema },
      },
    },
    async () => getSignUpStatus(app.db, config.ALLOW_SIGN_UP),
  );

  app.post(
    '/sign-up',
    {
      config: loginLimit,
      schema: { tags: ['auth'], security: [], body: signUpBodySchema, response: { 201: meSchema, ...errors } },
    },
    async (request, reply) => {
      const result = await signUp({
        db: app.db,
        body: request.body,
        ttlHours: config.SESSION_TTL_HOURS,
        hashCost: config.PASSWORD_HASH_COST,
        enabled: config.ALLOW_SIGN_UP,
        mailer: app.mailer,
        origin: publicOrigin(config, request),
        log: (m) => request.log.warn(m),
        userAgent: userAgentOf(request),
      });
      setSessionCookie(reply, config, result.session);
      return reply
        .status(201)
        .send(result.kind === 'created' ? await getMe({ db: app.db, actor: result.actor }) : result.me);
    },
  );

  app.post(
    '/sign-in',
    {
      preHandler: app.passwordAttempts,
      schema: { tags: ['auth'], security: [], body: signInBodySchema, response: { 200: meSchema, ...errors } },
    },
    async (request, reply) => {
      const { session, actor } = await signIn({
        db: app.db,
        body: request.body,
        policy: signInPolicy(config),
        userAgent: userAgentOf(request),
      });
      setSessionCookie(reply, config, session);
      return getMe({ db: app.db, actor });
    },
  );

  app.post('/sign-out', { schema: { tags: ['auth'], response: { 200: okSchema } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(app.db, token);
    reply.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookie(config, request),
    });
    return { ok: true as const };
  });

  app.get('/me', { schema: { tags: ['auth'], response: { 200: meSchema, 401: errorBodySchema } } }, async (request) =>
    getMe({ db: app.db, actor: signedIn(request) }),
  );
};
