import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/app-error';
import type { Actor } from '../services/context';
import { resolveSession, SESSION_COOKIE, type SessionLifetime } from '../services/auth/sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null. Routes that need one call `signedIn(request)`. */
    actor: Actor | null;
  }
}

/** Reads the session cookie on every API request and checks its expiry on the server. */
export const authPlugin = fp(async (app: FastifyInstance, options: SessionLifetime) => {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await resolveSession(app.db, token, options);
  });
});

export function signedIn(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return request.actor;
}
