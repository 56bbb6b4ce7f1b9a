import { randomUUID } from 'node:crypto';
import { LogController, type FastifyServerOptions } from 'fastify';
import type { Config } from '../config';

const levels: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const skip = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'v']);

/** One JSON log line as a line a person reads: time, level, request id, message, then the other fields. */
export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json);
  } catch {
    return json;
  }
  const time = new Date(Number(entry.time ?? Date.now())).toISOString().slice(11, 23);
  const level = (levels[Number(entry.level)] ?? String(entry.level)).padEnd(5);
  const id = entry.reqId ? ` [${String(entry.reqId)}]` : '';
  const rest = Object.entries(entry).filter(([k]) => !skip.has(k));
  const err = entry.err as { stack?: string } | undefined;
  const extra = rest
    .filter(([k]) => k !== 'err')
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return `${time} ${level}${id} ${String(entry.msg ?? '')}${extra.length ? `  ${extra.join(' ')}` : ''}${err?.stack ? `\n${err.stack}` : ''}\n`;
}

/**
 * Logs: JSON lines in production (for a log collector), readable lines elsewhere; every line of a request carries
 * its id, which is also sent back as X-Request-Id. Requests themselves are logged at debug only, so the default
 * level shows what needs attention, not traffic.
 */
export function loggerOptions(
  config: Config,
): Pick<FastifyServerOptions, 'logger' | 'genReqId' | 'requestIdHeader' | 'logController'> {
  const json = (config.LOG_FORMAT ?? (config.NODE_ENV === 'production' ? 'json' : 'pretty')) === 'json';
  return {
    logger: json
      ? { level: config.LOG_LEVEL }
      : { level: config.LOG_LEVEL, stream: { write: (line: string) => void process.stdout.write(prettyLine(line)) } },
    genReqId: () => randomUUID(),
    // A trusted proxy's request id is kept, so its logs and ours line up; anyone else's is ignored.
    requestIdHeader: config.TRUST_PROXY === false ? false : 'x-request-id',
    logController: new LogController({ disableRequestLogging: true }),
  };
}
