import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app';
import { loadConfig } from '../src/config';
import { loggerOptions, prettyLine } from '../src/lib/logger';
import { createTestDatabase, type TestDatabase } from './support/test-database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

async function appLogging(level: 'info' | 'debug') {
  const lines: Record<string, unknown>[] = [];
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: level,
    WEB_DIST_DIR: '/nonexistent',
    DATABASE_URL: process.env.DATABASE_URL ? database.url : undefined,
  });
  const app: App = await buildApp({
    config,
    db: database.prisma,
    logger: { level, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } },
  });
  await app.ready();
  return { app, lines };
}

describe('logs', () => {
  it('say nothing per request at the default level, and answer with a request id', async () => {
    const { app, lines } = await appLogging('info');
    try {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      await app.inject({ method: 'GET', url: '/api/nowhere' });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines.filter((l) => l.reqId)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('log each request at debug, with the id the client was given', async () => {
    const { app, lines } = await appLogging('debug');
    try {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      const line = lines.find((l) => l.msg === 'request');
      expect(line).toMatchObject({
        reqId: res.headers['x-request-id'],
        method: 'GET',
        url: '/api/health',
        status: 200,
      });
    } finally {
      await app.close();
    }
  });

  it('ignore a client-sent request id unless a proxy is trusted', async () => {
    const { app } = await appLogging('info');
    try {
      const res = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'forged' } });
      expect(res.headers['x-request-id']).not.toBe('forged');
    } finally {
      await app.close();
    }
    expect(loggerOptions(loadConfig({ NODE_ENV: 'production', TRUST_PROXY: '1' })).requestIdHeader).toBe(
      'x-request-id',
    );
  });

  it('are JSON in production and readable lines in development', () => {
    expect(loggerOptions(loadConfig({ NODE_ENV: 'production' })).logger).toEqual({ level: 'info' });
    expect(loggerOptions(loadConfig({ NODE_ENV: 'development' })).logger).toMatchObject({ stream: expect.anything() });
    expect(loggerOptions(loadConfig({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' })).logger).toMatchObject({
      stream: expect.anything(),
    });
    const line = prettyLine(
      JSON.stringify({
        level: 40,
        time: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
        pid: 1,
        hostname: 'h',
        reqId: 'abc',
        msg: 'slow answer',
        ms: 950,
      }),
    );
    expect(line).toBe('03:04:05.006 WARN  [abc] slow answer  ms=950\n');
  });
});
