import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config';
import { createPrisma, type Db } from './db/prisma';
import { AppError } from './lib/app-error';
import { SAFE_METHODS } from './lib/http';
import { inlineScriptHashes } from './lib/inline-scripts';
import { loggerOptions } from './lib/logger';
import { clamdScanner, type VirusScanner } from './lib/virus-scanner';
import { createFileStorage, type FileStorage } from './lib/file-storage/file-storage';
import { createMailer, type Mailer } from './lib/mailer';
import { authPlugin } from './plugins/auth';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './plugins/error-handler';
import { jsonBodyPlugin } from './plugins/json-body';
import { originCheckPlugin } from './plugins/origin-check';
import { textSafetyPlugin } from './plugins/text-safety';
import { apiRoutes } from './routes';
import { listenSignal, pollSignal } from './services/board-events/activity-signal';
import { BoardEventHub } from './services/board-events/board-event-hub';
import { LiveStreams } from './services/board-events/live-streams';
import { FileDeletions } from './services/attachments/file-deletions';
import { ImportChecker } from './services/imports/import-checker';
import { ImportRunner } from './services/imports/import-runner';
import { NotificationFanOut } from './services/notifications/fan-out';
import { InboxHub } from './services/notifications/inbox-hub';
import { NotificationSchedule } from './services/notifications/notification-schedule';
import { StageRecounter } from './services/portfolio/stages/stage-recounts';
import { WebhookSender } from './services/webhooks/webhook-sender';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** Where dashboard reads go: the read replica when DATABASE_REPLICA_URL is set, otherwise `db`. */
    readDb: Db;
    config: Config;
    boardEvents: BoardEventHub;
    liveStreams: LiveStreams;
    /** Sends invitations and notices; null when no mail server is configured. */
    mailer: Mailer | null;
    imports: ImportRunner;
    importChecker: ImportChecker;
    stageRecounts: StageRecounter;
    webhooks: WebhookSender;
    /** The per-address limit on password guesses, shared by every route that takes an account's password. */
    passwordAttempts: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** Writes people's notifications from the activity log, after the commit. */
    notifications: NotificationFanOut;
    /** Due-date reminders and notification mail, on a schedule (decisions 55, 56). */
    notificationSchedule: NotificationSchedule;
    /** This process's open inbox streams. */
    inbox: InboxHub;
    /** Where attachments' bytes live: a folder under DATA_DIR, or S3-compatible storage (decision 59). */
    files: FileStorage;
    /** Checks uploads for viruses, where CLAMAV_HOST is set. */
    virusScanner: VirusScanner | undefined;
    /** Removes stored files whose attachments are gone, in the background. */
    fileDeletions: FileDeletions;
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
  const logging = loggerOptions(config);
  const app = Fastify({
    ...logging,
    logger: logger ?? logging.logger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Only a configured proxy's X-Forwarded-For/-Proto/-Host are believed: otherwise any client could pick its own
    // address (and so its own rate-limit key).
    // (A number is a count of proxies in front, which Fastify accepts though its types do not say so.)
    trustProxy: config.TRUST_PROXY as boolean | string,
    // Fastify's and Node's own refusals (malformed URL, over-long parameter, headers too large) in the one error shape.
    frameworkErrors,
    clientErrorHandler,
    // While shutting down, requests that still arrive on open connections get our own 503 (see below).
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.debug(
      { method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  const replica = config.DATABASE_REPLICA_URL
    ? createPrisma(config.DATABASE_REPLICA_URL, config.DATABASE_POOL_SIZE, { jit: config.DATABASE_JIT })
    : null;
  app.decorate('readDb', replica ?? db);
  if (replica) app.addHook('onClose', async () => replica.$disconnect());
  app.decorate('config', config);
  app.decorate('mailer', createMailer(config));
  // Links in mail and chat messages need the address people open; without PUBLIC_URL, the one the API listens on.
  const publicUrl =
    config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  app.decorate('files', createFileStorage(config));
  app.decorate('virusScanner', config.CLAMAV_HOST ? clamdScanner(config.CLAMAV_HOST) : undefined);
  app.decorate('fileDeletions', new FileDeletions(db, app.files, app.log));
  // Live updates: LISTEN/NOTIFY on PostgreSQL (works across API processes); a light poll on the embedded database.
  const listen = config.DATABASE_URL && (config.LIVE_UPDATES ?? 'listen') === 'listen';
  const signal = listen ? listenSignal(config.DATABASE_URL!, (msg) => app.log.warn(msg)) : pollSignal(db);
  app.decorate('boardEvents', new BoardEventHub(db, signal));
  const liveStreams = new LiveStreams(
    db,
    { ttlHours: config.SESSION_TTL_HOURS, maxHours: config.SESSION_MAX_HOURS },
    {
      perPerson: config.STREAM_LIMIT_PER_PERSON,
      perProcess: config.STREAM_LIMIT_PER_PROCESS,
      recheckMs: config.STREAM_RECHECK_SECONDS * 1000,
    },
  );
  app.boardEvents.onAccessChange((userId) => void liveStreams.recheck(userId));
  app.decorate('liveStreams', liveStreams);
  app.decorate('imports', new ImportRunner(db, app.log));
  app.decorate('importChecker', new ImportChecker());
  app.decorate('stageRecounts', new StageRecounter(db, app.log));
  app.decorate(
    'webhooks',
    new WebhookSender(db, app.log, {
      allowPrivate: config.WEBHOOK_ALLOW_PRIVATE_ADDRESSES,
      intervalMs: 1000,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      publicUrl,
    }),
  );
  app.decorate('notifications', new NotificationFanOut(db, app.log, config.NOTIFICATION_FAN_OUT_MS));
  app.decorate('inbox', new InboxHub(app.boardEvents));
  app.decorate(
    'notificationSchedule',
    new NotificationSchedule(db, app.mailer, app.log, {
      intervalMs: config.NOTIFICATION_SCHEDULE_MS,
      publicUrl,
      onTold: (userIds) => userIds.forEach((id) => app.inbox.changed(id)),
    }),
  );
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
    return reply
      .status(503)
      .send({ error: { code: 'UNAVAILABLE', message: 'The server is restarting; try again shortly.' } });
  });
  if (onRoute) app.addHook('onRoute', (route) => onRoute({ method: route.method, url: route.url }));

  // 1. External plugins: security headers, cookies, rate limiting (opt-in per route), API docs.
  // Over plain HTTP (an install on a LAN host, `docker compose up` without TLS) browsers must not be told to fetch
  // the scripts over HTTPS, or the page stays blank: that directive and HSTS only when the app is served over HTTPS.
  const https = config.PUBLIC_URL?.startsWith('https:') ?? false;
  // The web app's page has one inline script (its colour theme, set before the first paint); it runs by its hash.
  const webPage = path.join(config.WEB_DIST_DIR, 'index.html');
  const pageScripts = serveWeb && existsSync(webPage) ? inlineScriptHashes(readFileSync(webPage, 'utf8')) : [];
  await app.register(helmet, {
    hsts: https,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: https ? [] : null,
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...pageScripts],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
      },
    },
  });
  // JSON answers over 1 KB are compressed for browsers that take it (the 5,000-card board: 2.4 MB of JSON, about a
  // tenth on the wire). Brotli at quality 4 costs about what gzip does; big answers are compressed off the event loop.
  // Live streams take over their reply and are never compressed (a compressor would hold their messages back).
  // Request bodies are not unpacked: a few KB of gzip can hold gigabytes, and no client of ours sends them packed.
  await app.register(compress, {
    globalCompression: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  // Its own counter, checked by hand: the plugin runs only the first limit a request meets, and the limit on
  // people's writes comes first for every request.
  const passwordLimit = app.createRateLimit({ max: config.LOGIN_RATE_LIMIT, timeWindow: '1 minute' });
  app.decorate('passwordAttempts', async (request: FastifyRequest, reply: FastifyReply) => {
    const limit = await passwordLimit(request);
    if (limit.isAllowed || !limit.isExceeded) return;
    reply.header('retry-after', String(limit.ttlInSeconds));
    throw new AppError(
      'RATE_LIMITED',
      `Too many attempts from this address; try again in ${limit.ttlInSeconds} seconds`,
    );
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Agile Marketing Board API',
        version: '1',
        description: 'Every request and response is described by the same zod schemas the web app uses.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'amb_session' },
          token: {
            type: 'http',
            scheme: 'bearer',
            description: 'A personal access token from the account page (read-only tokens can only read)',
          },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // 2. App plugins: bodies only as JSON of a sane depth, where a write comes from, who is asking, and the one rule
  // for text in every request.
  await app.register(jsonBodyPlugin);
  await app.register(originCheckPlugin, {
    allowed: [...(config.PUBLIC_URL ? [new URL(config.PUBLIC_URL).origin] : []), ...config.ALLOWED_ORIGINS],
  });
  await app.register(authPlugin, { ttlHours: config.SESSION_TTL_HOURS, maxHours: config.SESSION_MAX_HOURS });
  await app.register(textSafetyPlugin);

  // Each signed-in person's changes are limited, whichever addresses they come from (sign-in has its own limit).
  app.addHook(
    'preHandler',
    app.rateLimit({
      max: config.WRITE_RATE_LIMIT,
      timeWindow: '1 minute',
      groupId: 'writes',
      keyGenerator: (request) => request.tokenId ?? request.actor?.id ?? request.ip,
      allowList: (request) => !request.actor || SAFE_METHODS.has(request.method),
    }),
  );

  // Each API token has its own limit on every request, reads included: a runaway script slows only itself. (Checked
  // by hand, as the password limit is: the plugin's hooks run only the first limit a request meets.)
  const tokenLimit = app.createRateLimit({
    max: config.TOKEN_RATE_LIMIT,
    timeWindow: '1 minute',
    keyGenerator: (request) => request.tokenId ?? request.ip,
  });
  app.addHook('preHandler', async (request, reply) => {
    if (!request.tokenId) return;
    const limit = await tokenLimit(request);
    if (limit.isAllowed || !limit.isExceeded) return;
    reply.header('retry-after', String(limit.ttlInSeconds));
    throw new AppError(
      'RATE_LIMITED',
      `Too many requests with this API token; try again in ${limit.ttlInSeconds} seconds`,
    );
  });

  // 3. Routes.
  await app.register(apiRoutes, { prefix: '/api' });

  // 4. The built web app on the same port (client-side routes fall back to index.html: see the error handler).
  // Compressed copies made at build time are sent to browsers that take them; hashed files (assets/) never change,
  // so browsers keep them a year, while index.html is checked every time. Source maps stay private.
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: config.WEB_DIST_DIR,
      wildcard: false,
      preCompressed: true,
      allowedPath: (pathName) => !pathName.endsWith('.map'),
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        const hashed = path.relative(config.WEB_DIST_DIR, filePath).startsWith(`assets${path.sep}`);
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.addHook('preClose', async () => {
    liveStreams.close();
    await app.boardEvents.close();
  });
  // Imports queued before a restart are picked up once the app is ready.
  app.addHook('onReady', async () => app.imports.start());
  app.addHook('preClose', async () => app.imports.close());
  app.addHook('onClose', async () => app.importChecker.close());
  app.addHook('onReady', async () => app.stageRecounts.start());
  app.addHook('preClose', async () => app.stageRecounts.close());
  // The outbox is sent every second by each API process (tests send it themselves).
  if (config.NODE_ENV !== 'test') app.addHook('onReady', async () => app.webhooks.start());
  app.addHook('preClose', async () => app.webhooks.close());
  // Stored files of deleted attachments (and of deleted cards, boards and teams) go in the background; tests sweep
  // when they mean to.
  if (config.NODE_ENV !== 'test') app.addHook('onReady', async () => app.fileDeletions.start());
  app.addHook('preClose', async () => app.fileDeletions.close());
  app.addHook('onClose', async () => app.files.close?.());
  // Notifications are fanned out by every API process (tests run the fan-out themselves unless they ask for it).
  if (config.NODE_ENV !== 'test' || config.NOTIFICATIONS_IN_TESTS)
    app.addHook('onReady', async () => {
      app.notifications.start();
      app.notificationSchedule.start();
    });
  app.addHook('preClose', async () => app.notifications.close());
  app.addHook('preClose', async () => app.notificationSchedule.close());

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
