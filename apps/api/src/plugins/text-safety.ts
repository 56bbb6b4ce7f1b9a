import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { findUnsafeText, unsafeTextMessage } from '@amb/shared/text';
import { invalidField } from '../lib/app-error';

/**
 * The shared text rule (no NUL bytes, no unpaired surrogates) applied to every request's path parameters, query
 * string and body before the route's own schema, so no route can forget it and no such text reaches the database.
 */
export const textSafetyPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const field =
      findUnsafeText(request.params, 'params') ??
      findUnsafeText(request.query, 'querystring') ??
      findUnsafeText(request.body, 'body');
    if (field) throw invalidField(field, unsafeTextMessage);
  });
});
