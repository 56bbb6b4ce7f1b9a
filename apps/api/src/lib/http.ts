import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { SESSION_COOKIE } from '../services/auth/sessions';

/**
 * Whether the session cookie is Secure: as configured (COOKIE_SECURE, an https PUBLIC_URL), or whenever the request
 * itself came over HTTPS (TLS here, or X-Forwarded-Proto from a trusted proxy).
 */
/** Methods that change nothing: no Origin check, no write limit, and what a read-only API token may send. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export const secureCookie = (config: Config, request: FastifyRequest) =>
  config.COOKIE_SECURE ?? (config.PUBLIC_URL?.startsWith('https:') || request.protocol === 'https');

/** Sets the session cookie after a sign-in, a sign-up or an accepted invitation. */
export function setSessionCookie(reply: FastifyReply, config: Config, session: { token: string; expiresAt: Date }) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookie(config, reply.request),
    expires: session.expiresAt,
  });
}

/** Where people reach the app, for links in mail: PUBLIC_URL, or the address this request came to. */
export const publicOrigin = (config: Config, request: FastifyRequest) =>
  config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;

export const userAgentOf = (request: FastifyRequest) => request.headers['user-agent'] ?? '';

/** How passwords are checked and counted, the same for signing in and for joining a team with an existing account. */
export const signInPolicy = (config: Config) => ({
  ttlHours: config.SESSION_TTL_HOURS,
  hashCost: config.PASSWORD_HASH_COST,
  accountLimit: config.LOGIN_ACCOUNT_LIMIT,
  lockoutMinutes: config.LOGIN_LOCKOUT_MINUTES,
});
