import { expect, test } from '@playwright/test';

// Another site on the same host name (another port is the same "site", so the SameSite=Lax cookie goes along)
// posts a form to the app. The app refuses it by its Origin: the person stays signed in.
const port = Number(process.env.E2E_PORT ?? 4173);
const app = `http://127.0.0.1:${port}`;
const other = `http://127.0.0.1:${port + 1000}`;

// Requests here carry the browser's own Origin, not the suite's default.
test.use({ extraHTTPHeaders: {} });

test('a form on another site cannot sign a person out', async ({ page }) => {
  await page.goto(`${app}/sign-in`);
  await page.getByLabel('Email').fill('sam@demo.test');
  await page.getByLabel('Password').fill('demo-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('region', { name: 'In progress' })).toBeVisible();

  const refusals: number[] = [];
  page.on(
    'response',
    (r) => r.url().startsWith(`${app}/api/`) && r.request().method() === 'POST' && refusals.push(r.status()),
  );
  // The other site's page, served by the browser test itself: a form that submits as soon as it loads.
  await page.route(`${other}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<form id="f" method="post" action="${app}/api/auth/sign-out"></form><script>document.getElementById('f').submit()</script>`,
    }),
  );
  await page.goto(`${other}/prize`);
  await expect.poll(() => refusals).toEqual([403]);

  await page.goto(`${app}/`);
  await expect(page.getByRole('region', { name: 'In progress' })).toBeVisible();
  const me = await page.request.get(`${app}/api/auth/me`);
  expect(me.status()).toBe(200);
});
