import { expect, test } from '@playwright/test';
import { signIn } from './support/board-fixtures';

test('create an account, then find your way around as a demo scrum master', async ({ page }) => {
  // Sign-up is by invitation unless an admin opens it; the demo admin opens it for this test.
  await signIn(page.request, 'alex@demo.test');
  expect((await page.request.put('/api/admin/sign-up-settings', { data: { signUpPolicy: 'OPEN' } })).status()).toBe(
    200,
  );
  await page.request.post('/api/auth/sign-out');
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('password must be at least 10 characters')).toBeVisible();
  const email = `newcomer-${Date.now()}@example.test`;
  await page.getByLabel('Name').fill('Nia Newcomer');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a-long-enough-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Nia Newcomer')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'You are not on a team yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await page.getByLabel('Email').fill('maya@demo.test');
  await page.getByLabel('Password').fill('demo-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('combobox', { name: 'Team' })).toHaveValue(/.+/);
  // Other tests add Maya to teams of their own, which may come first in the list.
  await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Content Marketing' });
  await page.getByRole('link', { name: 'Sprint' }).click();
  await expect(page.getByRole('heading', { name: 'Sprint 12' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Sprint progress' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Growth' });
  await expect(page.getByRole('region', { name: 'Running', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(
    page.getByRole('row', { name: /Content Marketing/ }).getByRole('link', { name: 'Obstacles' }),
  ).toBeVisible();
});

test('the PMO sees every team on the dashboard, with WIP against limits and obstacles', async ({ page }) => {
  await signIn(page.request, 'pat@demo.test');
  await page.goto('/dashboard');
  for (const team of ['Content Marketing', 'Growth', 'Web Development'])
    await expect(page.getByRole('rowheader', { name: new RegExp(team) })).toBeVisible();
  await expect(page.getByRole('row', { name: /Growth/ })).toContainText('over in Running');
});

test('the layout fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page.request, 'maya@demo.test');
  await page.goto('/');
  // Other tests add Maya to teams of their own, which may come first in the list.
  await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Content Marketing' });
  await expect(page.getByRole('heading', { name: 'Content board' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'In progress', exact: true })).toBeVisible();
  const overflow = await page.evaluate(() => {
    const page = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return page.scrollWidth - page.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(1);

  // The pages and the person's menu fold behind one button: one short row, nothing scrolled sideways or hidden.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeHidden();
  const topbar = (await page.locator('.topbar').boundingBox())!;
  expect(topbar.height).toBeLessThanOrEqual(56);
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  for (const name of ['Board', 'Backlog', 'Sprint', 'Stand-up', 'Dashboard'])
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Maya' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await nav.getByRole('link', { name: 'Sprint', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sprint 12' })).toBeVisible();
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});
