import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Whether an If-None-Match header (one validator, a list, or *) names this one, compared weakly (RFC 9110 13.1.2). */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * Sends JSON already written as text with a validator of its bytes: a browser that still holds the same answer is
 * told `304 Not Modified` and keeps its copy, so an unchanged board costs a hash instead of megabytes on the wire.
 * `private, no-cache`: kept only by the person's own browser, and asked about every time.
 */
export function sendJsonWithEtag(request: FastifyRequest, reply: FastifyReply, json: string) {
  const etag = `W/"${createHash('sha1').update(json).digest('base64url')}"`;
  reply.header('etag', etag).header('cache-control', 'private, no-cache');
  if (noneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(json);
}
