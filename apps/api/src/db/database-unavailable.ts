// Errors that mean the database (or the connection to it) went away, not that the request was wrong: a restart,
// a failover, pg_terminate_backend, a refused connection. The API answers them 503 so clients retry.

// PostgreSQL's SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, crash, can't
// connect now), and the driver adapter's kinds for the same.
const unavailableState = /^(08|57P)/;
const unavailableKinds = new Set(['ConnectionClosed', 'DatabaseNotReachable', 'SocketTimeout', 'TooManyConnections']);
const unavailableSystemCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// Prisma's own codes for an unreachable server, a timeout on the pool and a closed connection.
const unavailablePrismaCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const unavailableMessage = /Connection terminated|not queryable|Client was closed|terminating connection|server closed the connection/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 6) return false;
  const e = error as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown }; errors?: unknown };
  if (typeof e.code === 'string' && (unavailableState.test(e.code) || unavailableSystemCodes.has(e.code) || unavailablePrismaCodes.has(e.code))) return true;
  if (typeof e.kind === 'string' && unavailableKinds.has(e.kind)) return true;
  if (typeof e.message === 'string' && unavailableMessage.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1);
}
