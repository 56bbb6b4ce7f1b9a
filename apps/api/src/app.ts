import { existsSync } from 'node:fs';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Db } from './db/prisma';
import { authPlugin } from './plugins/auth';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './plugins/error-handler';
import { textSafetyPlugin } from './plugins/text-safety';
import { apiRoutes } from './routes';
import { listenSignal, pollSignal } from './services/board-events/activity-signal';
import { BoardEventHub } from './services/board-events/board-event-hub';
import { ImportRunner } from './services/imports/import-runner';
import { WebhookSender } from './services/webhooks/webhook-sender';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    boardEvents: BoardEventHub;
    imports: ImportRunner;
    webhooks: WebhookSender;
  }
}

export interface BuildAppOptions {
  config: Config;
  db: Db;
  logger?: FastifyServerOptions['logger'];
  /** Told of every route as it is registered (the access tests check that each one is covered). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

export async function buildApp({ config, db, logger, onRoute }: BuildAppOptions) {
  const app = Fastify({
    logger: logger ?? { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: true,
    // Fastify's and Node's own refusals (malformed URL, over-long parameter, headers too large) in the one error shape.
    frameworkErrors,
    clientErrorHandler,
    // While shutting down, requests that still arrive on open connections get our own 503 (see below).
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('config', config);
  // Live updates: LISTEN/NOTIFY on PostgreSQL (works across API processes); a light poll on the embedded database.
  const signal = config.DATABASE_URL ? listenSignal(config.DATABASE_URL, (msg) => app.log.warn(msg)) : pollSignal(db);
  app.decorate('boardEvents', new BoardEventHub(db, signal));
  app.decorate('imports', new ImportRunner(db, app.log));
  app.decorate('webhooks', new WebhookSender(db, app.log, { allowPrivate: config.WEBHOOK_ALLOW_PRIVATE_ADDRESSES, intervalMs: 1000 }));
  const serveWeb = existsSync(config.WEB_DIST_DIR);
  registerErrorHandler(app, { spaFallback: serveWeb });
  // Shutting down: requests in flight finish; any that still arrive on an open connection are told to go elsewhere.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close').header('retry-after', '1');
    return reply.status(503).send({ error: { code: 'UNAVAILABLE', message: 'The server is restarting; try again shortly.' } });
  });
  if (onRoute) app.addHook('onRoute', (route) => onRoute({ method: route.method, url: route.url }));

  // 1. External plugins: security headers, cookies, rate limiting (opt-in per route), API docs.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Agile Marketing Board API',
        version: '1',
        description: 'Every request and response is described by the same zod schemas the web app uses.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'amb_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // 2. App plugins: who is asking, and the one rule for text in every request.
  await app.register(authPlugin, { ttlHours: config.SESSION_TTL_HOURS });
  await app.register(textSafetyPlugin);

  // 3. Routes.
  await app.register(apiRoutes, { prefix: '/api' });

  // 4. The built web app on the same port (client-side routes fall back to index.html: see the error handler).
  if (serveWeb) await app.register(fastifyStatic, { root: config.WEB_DIST_DIR, wildcard: false });

  app.addHook('preClose', async () => app.boardEvents.close());
  // Imports queued before a restart are picked up once the app is ready.
  app.addHook('onReady', async () => app.imports.kick());
  app.addHook('preClose', async () => app.imports.close());
  // The outbox is sent every second by each API process (tests send it themselves).
  if (config.NODE_ENV !== 'test') app.addHook('onReady', async () => app.webhooks.start());
  app.addHook('preClose', async () => app.webhooks.close());

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
