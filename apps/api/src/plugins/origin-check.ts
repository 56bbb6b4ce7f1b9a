import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/app-error';
import { SAFE_METHODS } from '../lib/http';

const TOKEN_ONLY_WRITE = '/api/notifications/unsubscribe?';

const originOf = (value: string | undefined) => {
  if (!value || !URL.canParse(value)) return null;
  const origin = new URL(value).origin;
  return origin === 'null' ? null : origin;
};

/** The origin this request was addressed to, as the browser saw it (through a trusted proxy's X-Forwarded-*). */
export const ownOrigin = (request: FastifyRequest) => originOf(`${request.protocol}://${request.host}`);

/**
 * CSRF in depth, beside the SameSite=Lax cookie: every state-changing API request must say it comes from a page
 * of this app. Browsers send Origin on every cross-site and same-site write; Referer is the fallback for the few
 * that omit it. A request with neither, or from another origin, is refused before any work is done. Requests with an
 * API token (Authorization header) are not a browser's and need no Origin.
 */
export const originCheckPlugin = fp(async (app: FastifyInstance, options: { allowed: string[] }) => {
  const allowed = new Set(options.allowed);
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    // A script with an API token sends no cookie a page of another site could borrow: nothing to check here (the
    // auth plugin reads only the token on such a request).
    if (request.headers.authorization !== undefined) return;
    // A link that is its own credential and reads no cookie: a mail client's one-click unsubscribe sends no Origin.
    if (request.url.startsWith(TOKEN_ONLY_WRITE)) return;
    const header = request.headers.origin ?? request.headers.referer;
    const origin = originOf(Array.isArray(header) ? header[0] : header);
    if (origin && (origin === ownOrigin(request) || allowed.has(origin))) return;
    throw new AppError(
      'FORBIDDEN',
      origin
        ? `Requests from ${origin} may not change anything here`
        : 'A change must come from a page of this app (no Origin header was sent)',
      {
        fields: [{ field: 'headers.origin', message: origin ? 'is not an allowed origin' : 'is required' }],
      },
    );
  });
});
