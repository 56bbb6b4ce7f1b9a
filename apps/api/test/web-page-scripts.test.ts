import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inlineScriptHashes } from '../src/lib/inline-scripts';
import { startTestApp, type TestContext } from './support/test-app';

let t: TestContext | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const themeScript = "\n      document.documentElement.setAttribute('data-theme', 'dark');\n    ";
const page = `<!doctype html><html><head><script>${themeScript}</script></head>
<body><div id="root"></div><script type="module" crossorigin src="/assets/index-abc.js"></script></body></html>`;
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('the web page’s inline script and the Content-Security-Policy', () => {
  it('hashes each inline script exactly as written, and no script loaded from a file', () => {
    expect(inlineScriptHashes(page)).toEqual([sha256(themeScript)]);
    expect(inlineScriptHashes('<script src="/a.js"></script><script></script>')).toEqual([]);
  });

  it('lets the page’s own inline script run by its hash, and only that one', async () => {
    const dist = await mkdtemp(path.join(tmpdir(), 'amb-web-dist-'));
    await writeFile(path.join(dist, 'index.html'), page);
    t = await startTestApp({ WEB_DIST_DIR: dist });
    const res = await t.app.inject({ method: 'GET', url: '/teams/some-team/board' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(themeScript);
    const scriptSrc = /script-src ([^;]*)/.exec(String(res.headers['content-security-policy']))![1]!;
    expect(scriptSrc.split(' ')).toEqual(["'self'", sha256(themeScript)]);
    expect(scriptSrc).not.toContain('unsafe-inline');
  });

  it('allows no inline script where no web page is served', async () => {
    t = await startTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(/script-src ([^;]*)/.exec(String(res.headers['content-security-policy']))![1]).toBe("'self'");
  });
});
