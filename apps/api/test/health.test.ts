import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createPrisma } from '../src/db/prisma';
import { startTestApp, type TestContext } from './support/test-app';

describe('health', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('says the API and its database are up', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  // The embedded database has no JIT compiler to turn off.
  it.skipIf(!process.env.DATABASE_URL)(
    "keeps PostgreSQL's JIT compiler off on its connections unless DATABASE_JIT is set",
    async () => {
      expect(await t.db.$queryRaw`SHOW jit`).toEqual([{ jit: 'off' }]);
      const withJit = createPrisma(t.database.url, 1, { jit: true });
      try {
        expect(await withJit.$queryRaw`SHOW jit`).toEqual([{ jit: 'on' }]);
      } finally {
        await withJit.$disconnect();
      }
    },
  );

  it('answers 503 when the database cannot be reached', async () => {
    const unreachable = createPrisma('postgresql://postgres@127.0.0.1:1/nowhere', 1);
    const app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', WEB_DIST_DIR: '/nonexistent' }),
      db: unreachable,
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.message).toBe('The database is unreachable');
    } finally {
      await app.close();
      await unreachable.$disconnect();
    }
  });
});
