import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/app-error';
import { SAFE_METHODS } from '../lib/http';
import type { Actor } from '../services/context';
import { resolveApiToken } from '../services/api-tokens/api-tokens';
import { resolveSession, sessionIdOf, SESSION_COOKIE, type SessionLifetime } from '../services/auth/sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null. Routes that need one call `signedIn(request)`. */
    actor: Actor | null;
    /** The stored id of the session the request came with, when it is valid. */
    sessionId: string | null;
    /** The API token the request came with (Authorization: Bearer), when it is valid. */
    tokenId: string | null;
  }
}

/** The bearer token of an Authorization header, '' for a header of another kind, or null without one. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : '';
}

const tokenRefusal = (message: string, status: 'UNAUTHENTICATED' | 'FORBIDDEN' = 'UNAUTHENTICATED') =>
  new AppError(status, message, { fields: [{ field: 'headers.authorization', message }] });

/** Reads the session cookie on every API request and checks its expiry on the server. */
export const authPlugin = fp(async (app: FastifyInstance, options: SessionLifetime) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('tokenId', null);
  app.addHook('onRequest', async (request) => {
    // A request with an Authorization header is a script's: it is the token's person or no one (the cookie is not
    // read, so a token can never lend a browser session its missing Origin).
    const bearer = bearerToken(request);
    if (bearer !== null) {
      if (!request.url.startsWith('/api/')) return;
      if (bearer === '') throw tokenRefusal('must be "Bearer" followed by an API token');
      const actor = await resolveApiToken(app.db, bearer);
      if (!actor) throw tokenRefusal('is not a valid API token (unknown, expired or revoked)');
      if (!actor.canWrite && !SAFE_METHODS.has(request.method))
        throw tokenRefusal('is a read-only API token: it cannot change anything (scope: read)', 'FORBIDDEN');
      request.actor = { id: actor.id, orgRole: actor.orgRole };
      request.tokenId = actor.tokenId;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await resolveSession(app.db, token, options);
    if (request.actor) request.sessionId = sessionIdOf(token!);
  });
});

export function signedIn(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return request.actor;
}
