import { expect, test } from '@playwright/test';

// An install reached by a host name over plain HTTP (docker compose on a server, HOST=0.0.0.0 on a LAN): Chromium
// resolves board.example.test to this machine, so the browser treats the site as an ordinary insecure origin,
// not as localhost. The page must load its scripts and work.
const port = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://board.example.test:${port}`;

test.use({
  baseURL: origin,
  // This page's own requests carry its own origin; the suite-wide 127.0.0.1 Origin would not be this site's.
  extraHTTPHeaders: {},
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP board.example.test 127.0.0.1',
    ],
  },
});

test('the app works over plain HTTP on a host name other than localhost', async ({ page }) => {
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  await page.goto('/');
  expect(new URL(page.url()).protocol).toBe('http:');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill('sam@demo.test');
  await page.getByLabel('Password').fill('demo-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('region', { name: 'In progress' })).toBeVisible();
  expect(failed).toEqual([]);
  // Over plain HTTP the cookie cannot be Secure, or the browser would drop it.
  const [session] = (await page.context().cookies(origin)).filter((c) => c.name === 'amb_session');
  expect(session).toMatchObject({ secure: false, httpOnly: true, sameSite: 'Lax' });
});

test('the built assets come precompressed and cached for a year; source maps are not served', async ({ page }) => {
  const base = `http://127.0.0.1:${port}`;
  const html = await (await page.request.get(`${base}/`)).text();
  const script = `${base}${/<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]}`;
  expect(script).toMatch(/\/assets\/.+\.js$/);
  const brotli = await page.request.get(script!, { headers: { 'accept-encoding': 'br' } });
  expect(brotli.status()).toBe(200);
  expect(brotli.headers()['content-encoding']).toBe('br');
  expect(brotli.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const gzip = await page.request.get(script!, { headers: { 'accept-encoding': 'gzip' } });
  expect(gzip.headers()['content-encoding']).toBe('gzip');
  expect((await page.request.get(`${base}/`)).headers()['cache-control']).toBe('no-cache');
  expect((await page.request.get(`${script}.map`)).status()).toBe(404);
});
