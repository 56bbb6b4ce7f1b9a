import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorStatus, type ErrorBody, type ErrorCode } from '@amb/shared/errors';
import { AppError, ARCHIVED_MESSAGE } from '../lib/app-error';
import { CARD_ARCHIVED_STATE, hasDatabaseState, isDatabaseUnavailable } from '../db/database-errors';
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
    if (
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error instanceof SyntaxError
    ) {
      return send(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'The body is not valid JSON',
          fields: [{ field: 'body', message: 'is not valid JSON' }],
        },
      });
    }
    if (error.statusCode === 429) {
      return send(429, {
        error: { code: 'RATE_LIMITED', message: error.message || 'Too many requests, try again shortly' },
      });
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') {
      return send(404, { error: { code: 'NOT_FOUND', message: 'Not found' } });
    }
    if (hasDatabaseState(error, CARD_ARCHIVED_STATE)) {
      return send(409, { error: { code: 'CARD_ARCHIVED', message: ARCHIVED_MESSAGE } });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', '1');
      return send(503, {
        error: { code: 'UNAVAILABLE', message: 'The database is unavailable for a moment; try again shortly.' },
      });
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status < 500) {
      const code: ErrorCode =
        status === 404
          ? 'NOT_FOUND'
          : status === 401
            ? 'UNAUTHENTICATED'
            : status === 403
              ? 'FORBIDDEN'
              : 'VALIDATION_FAILED';
      return send(status, { error: { code, message: error.message } });
    }
    request.log.error({ err: error, serialization: isResponseSerializationError(error) }, 'request failed');
    return send(500, { error: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.' } });
  });

  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app (a reload on /teams/…/board) get the app's index.html.
    // A missing file (a name with an extension: an old asset, a source map) stays a 404.
    const pathname = request.url.split('?')[0]!;
    if (
      options.spaFallback &&
      request.method === 'GET' &&
      !pathname.startsWith('/api') &&
      !/\.[a-z0-9]+$/i.test(pathname)
    )
      return reply.sendFile('index.html');
    const body: ErrorBody = {
      error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${request.url.split('?')[0]}` },
    };
    reply.status(404).send(body);
  });
}

/**
 * Errors Fastify raises before any route or hook runs (a URL that is not valid percent-encoded UTF-8, a path
 * parameter over the length limit), in the same error shape. Passed to Fastify as `frameworkErrors`.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const body: ErrorBody =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? {
          error: {
            code: 'URI_TOO_LONG',
            message: 'A part of the address is too long',
            fields: [{ field: 'url', message: 'has a part that is too long' }],
          },
        }
      : error.code === 'FST_ERR_BAD_URL'
        ? {
            error: {
              code: 'VALIDATION_FAILED',
              message: 'The address is malformed',
              fields: [{ field: 'url', message: 'is not valid percent-encoded UTF-8' }],
            },
          }
        : { error: { code: 'VALIDATION_FAILED', message: 'The request could not be routed' } };
  request.log.info({ code: error.code }, 'refused a malformed request');
  return reply.status(errorStatus[body.error.code]).send(body);
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (headers too large, a malformed request line, a
 * client too slow to send its request), answered in the same error shape. Passed to Fastify as `clientErrorHandler`.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, message]: [ErrorCode, string] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ['HEADERS_TOO_LARGE', 'The request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['REQUEST_TIMEOUT', 'The request took too long to arrive']
        : ['VALIDATION_FAILED', 'The request is malformed'];
  const status = errorStatus[code];
  const body = JSON.stringify({ error: { code, message } } satisfies ErrorBody);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
