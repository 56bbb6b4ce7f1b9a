import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/board-fixtures';

// The colour theme: light, dark, or the device's own setting (the default), chosen on the account page and kept in
// the browser. What a person sees is read as the page's computed background: --bg of each theme (styles.css).
const light = 'rgb(246, 247, 251)';
const dark = 'rgb(15, 17, 23)';
const background = (page: Page) => page.evaluate<string>('getComputedStyle(document.documentElement).backgroundColor');

test('choosing Dark on the account page switches the theme at once and keeps it after a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page.request, 'maya@demo.test');
  await page.goto('/account');
  const theme = page.getByRole('group', { name: 'Theme' });
  await expect(theme.getByRole('radio', { name: 'Same as this device' })).toBeChecked();
  await expect.poll(() => background(page)).toBe(light);

  await theme.getByRole('radio', { name: 'Dark' }).check();
  await expect.poll(() => background(page)).toBe(dark);
  await page.reload();
  await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect.poll(() => background(page)).toBe(dark);
  // Kept whatever the device says.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/sign-in');
  await expect.poll(() => background(page)).toBe(dark);

  // Light holds on a dark device too.
  await page.goto('/account');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Light' }).check();
  await expect.poll(() => background(page)).toBe(light);
  await page.reload();
  await expect.poll(() => background(page)).toBe(light);
});

test('"Same as this device" follows the device as it changes', async ({ page }) => {
  await signIn(page.request, 'maya@demo.test');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/account');
  await expect(
    page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Same as this device' }),
  ).toBeChecked();
  await expect.poll(() => background(page)).toBe(dark);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => background(page)).toBe(light);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => background(page)).toBe(dark);

  // Choosing Light, then the device's setting again, goes back to following it.
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Light' }).check();
  await expect.poll(() => background(page)).toBe(light);
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Same as this device' }).check();
  await expect.poll(() => background(page)).toBe(dark);
  expect(await page.evaluate<string | null>("localStorage.getItem('theme')")).toBeNull();
});

test('the theme is in place before the app’s script runs: the page’s inline script, allowed by its hash', async ({
  page,
}) => {
  const refused: string[] = [];
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && refused.push(m.text()));
  await page.goto('/sign-in');
  await page.evaluate("localStorage.setItem('theme', 'dark')");
  // The app's own scripts never arrive: what sets the theme now is the script in index.html alone.
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).toBe(dark);
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  expect(refused).toEqual([]);
});
