import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '@amb/shared/errors';
import { AppError } from '../lib/app-error';
import { Prisma } from '../db/prisma';

/**
 * One error handler for the whole API: every failure leaves as `{ error: { code, message, fields? } }`.
 * Client mistakes say which field; server faults are logged with the request and never described to the client.
 */
export function registerErrorHandler(app: FastifyInstance, options: { spaFallback: boolean }) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (status: number, body: ErrorBody) => reply.status(status).send(body);

    if (error instanceof AppError) {
      return send(error.status, { error: { code: error.code, message: error.message, ...error.extra } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const fields = error.validation.map((v) => ({
        field: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'is invalid',
      }));
      const first = fields[0];
      const message = first ? `${first.field} ${first.message}` : 'The request is invalid';
      return send(400, { error: { code: 'VALIDATION_FAILED', message, fields } });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(413, { error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' } });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(415, {
        error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the request body as application/json' },
      });
    }
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return send(400, {
        error: { code: 'VALIDATION_FAILED', message: 'The body is not valid JSON', fields: [{ field: 'body', message: 'is not valid JSON' }] },
      });
    }
    if (error.statusCode === 429) {
      return send(429, { error: { code: 'RATE_LIMITED', message: error.message || 'Too many requests, try again shortly' } });
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') {
      return send(404, { error: { code: 'NOT_FOUND', message: 'Not found' } });
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status < 500) {
      const code: ErrorCode = status === 404 ? 'NOT_FOUND' : status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : 'VALIDATION_FAILED';
      return send(status, { error: { code, message: error.message } });
    }
    request.log.error({ err: error, serialization: isResponseSerializationError(error) }, 'request failed');
    return send(500, { error: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.' } });
  });

  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app (a reload on /teams/…/board) get the app's index.html.
    // A missing file (a name with an extension: an old asset, a source map) stays a 404.
    const pathname = request.url.split('?')[0]!;
    if (options.spaFallback && request.method === 'GET' && !pathname.startsWith('/api') && !/\.[a-z0-9]+$/i.test(pathname)) return reply.sendFile('index.html');
    const body: ErrorBody = { error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${request.url.split('?')[0]}` } };
    reply.status(404).send(body);
  });
}
