import { expect, request as playwrightRequest, test } from '@playwright/test';
import { signIn } from './support/board-fixtures';

// A marketer makes a read-only token for a reporting script on the account page, copies it once, sees the script's
// use in the list, and revokes it; the script is refused from then on.
test('make a read-only API token, use it from a script, and revoke it', async ({ page, baseURL }) => {
  await signIn(page.request, 'sam@demo.test');
  await page.goto('/account');
  const form = page.getByRole('form', { name: 'New API token' });
  const name = `Weekly report ${Date.now().toString(36)}`;
  await form.getByLabel('Token name').fill(name);
  await form.getByLabel('Expires after (days)').fill('400');
  await form.getByRole('button', { name: 'Make token' }).click();
  await expect(form.getByText('Expires after must be at most 366 days (a year)')).toBeVisible();
  await form.getByLabel('Expires after (days)').fill('30');
  await form.getByRole('button', { name: 'Make token' }).click();
  const secret = page.getByRole('region', { name: 'Your new token' }).locator('code');
  await expect(secret).toHaveText(/^amb_pat_/);
  const token = (await secret.textContent())!;

  // A script: no cookie, no Origin, only the token.
  const script = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const me = await script.get('/api/auth/me');
  expect(me.status()).toBe(200);
  expect((await me.json()).user.email).toBe('sam@demo.test');
  expect((await script.post('/api/teams', { data: { name: 'Nope', slug: 'nope' } })).status()).toBe(403);

  await page.reload();
  const row = page.getByRole('list', { name: 'Your API tokens' }).getByRole('listitem').filter({ hasText: name });
  await expect(row).toContainText('Read only');
  await expect(row).toContainText('last used');
  await expect(page.getByText(token)).toHaveCount(0);
  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(page.getByText('The token is revoked')).toBeVisible();
  await expect(row).toHaveCount(0);
  expect((await script.get('/api/auth/me')).status()).toBe(401);
  await script.dispose();
});
