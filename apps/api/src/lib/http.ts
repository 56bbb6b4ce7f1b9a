import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { SESSION_COOKIE } from '../services/auth/sessions';

/** Sets the session cookie after a sign-in, a sign-up or an accepted invitation. */
export function setSessionCookie(reply: FastifyReply, config: Config, session: { token: string; expiresAt: Date }) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.COOKIE_SECURE,
    expires: session.expiresAt,
  });
}

/** Where people reach the app, for links in mail: PUBLIC_URL, or the address this request came to. */
export const publicOrigin = (config: Config, request: FastifyRequest) => config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;

export const userAgentOf = (request: FastifyRequest) => request.headers['user-agent'] ?? '';
