// Reading database errors through the layers that wrap them (pg, Prisma's driver adapter, Prisma's client).

/** The error and every error it wraps. */
function* errorChain(error: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (!error || typeof error !== 'object' || depth > 6) return;
  const e = error as Record<string, unknown> & {
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
    errors?: unknown;
  };
  yield e;
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* errorChain(inner, depth + 1);
  yield* errorChain(e.cause, depth + 1);
  yield* errorChain(e.meta?.driverAdapterError, depth + 1);
}

/** Whether the database refused the statement with this SQLSTATE (ours, raised by a trigger, or PostgreSQL's). */
export function hasDatabaseState(error: unknown, state: string): boolean {
  for (const e of errorChain(error)) {
    if (e.code === state || e.originalCode === state) return true;
    // Prisma's client sometimes keeps the database's code only in its message.
    if (typeof e.message === 'string' && e.message.includes(`Code: \`${state}\``)) return true;
  }
  return false;
}

/** Raised by the `refuse_write_to_archived_card` trigger: a write to something of an archived card. */
export const CARD_ARCHIVED_STATE = 'AMB01';

// Errors that mean the database (or the connection to it) went away, not that the request was wrong: a restart,
// a failover, pg_terminate_backend, a refused connection. The API answers them 503 so clients retry.
// PostgreSQL's SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, crash, can't
// connect now), and the driver adapter's kinds for the same.
const unavailableState = /^(08|57P)/;
const unavailableKinds = new Set(['ConnectionClosed', 'DatabaseNotReachable', 'SocketTimeout', 'TooManyConnections']);
const unavailableSystemCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// Prisma's own codes for an unreachable server, a timeout on the pool and a closed connection; and its message when
// a transaction could not start in time because the database is saturated.
const unavailablePrismaCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const unavailableMessage =
  /Connection terminated|not queryable|Client was closed|terminating connection|server closed the connection|Unable to start a transaction in the given time/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of errorChain(error)) {
    if (
      typeof e.code === 'string' &&
      (unavailableState.test(e.code) || unavailableSystemCodes.has(e.code) || unavailablePrismaCodes.has(e.code))
    )
      return true;
    if (typeof e.kind === 'string' && unavailableKinds.has(e.kind)) return true;
    if (typeof e.message === 'string' && unavailableMessage.test(e.message)) return true;
  }
  return false;
}
