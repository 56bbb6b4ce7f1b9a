import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '@amb/shared/errors';
import { startTestApp, type TestContext } from './support/test-app';

/** Sends raw bytes over a socket and returns the status line and the body of the answer. */
function rawRequest(baseUrl: string, request: string): Promise<{ status: number; body: unknown; contentType: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('error', () => {}); // the server closes the socket after answering
    socket.on('close', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      const status = Number(head?.split(' ')[1]);
      const contentType = /content-type: ([^\r\n]+)/i.exec(head ?? '')?.[1] ?? '';
      if (!status) return reject(new Error(`no answer: ${JSON.stringify(data)}`));
      resolve({ status, body: JSON.parse(rest.join('\r\n\r\n')), contentType });
    });
  });
}

// Requests Fastify or Node's HTTP parser refuses before any route runs still get the product's one error shape.
describe("Fastify's own refusals", () => {
  let t: TestContext;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startTestApp();
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => t.close());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${baseUrl}${path}`, { headers });
    return { status: res.status, body: errorBodySchema.parse(await res.json()) };
  };

  it('a malformed URL: 400 naming the address', async () => {
    for (const path of ['/api/boards/%E0%A4%A', '/api/cards/%ED%A0%80/move', '/api/%']) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'url' }] });
    }
  });

  it('a path parameter over the length limit: 414', async () => {
    const res = await get(`/api/boards/${'a'.repeat(500)}`);
    expect(res.status).toBe(414);
    expect(res.body.error.code).toBe('URI_TOO_LONG');
  });

  it('headers too large: 431', async () => {
    const res = await rawRequest(
      baseUrl,
      `GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'x'.repeat(40_000)}\r\n\r\n`,
    );
    expect(res.status).toBe(431);
    expect(res.contentType).toMatch(/application\/json/);
    expect(errorBodySchema.parse(res.body).error.code).toBe('HEADERS_TOO_LARGE');
  });

  it('a request the HTTP parser cannot read: 400', async () => {
    const res = await rawRequest(baseUrl, 'THIS IS NOT HTTP\r\n\r\n');
    expect(res.status).toBe(400);
    expect(errorBodySchema.parse(res.body).error.code).toBe('VALIDATION_FAILED');
  });

  it('bad JSON: 400 naming the body', async () => {
    const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: '{"email": ',
    });
    expect(res.status).toBe(400);
    expect(errorBodySchema.parse(await res.json()).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'body' }],
    });
  });
});
