import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn } from './support/board-fixtures';

// A person chooses how they hear of things: e-mail at once for mentions, the daily digest for comments at an hour of
// their own time zone, and a pause; the choices are kept, and the page reads well and passes axe at phone size too.

test('a person chooses e-mail at once, a digest at their hour in their zone, and a pause, and keeps them', async ({
  page,
}) => {
  await signIn(page.request, 'omar@demo.test');
  await page.goto('/');
  await page.getByRole('button', { name: /^Notifications/ }).click();
  await page.getByRole('link', { name: 'Notification settings' }).click();
  await expect(page.getByRole('heading', { name: 'Notification settings' })).toBeVisible();

  await page.getByLabel('Someone mentions me').selectOption({ label: 'E-mail at once' });
  await page.getByLabel('A comment on a card I watch').selectOption({ label: 'Daily digest' });
  await page.getByLabel('Daily digest at').selectOption({ label: '07:00' });
  await page.getByLabel('Your time zone').selectOption('Europe/Berlin');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Your notification settings are saved.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Someone mentions me')).toHaveValue('EMAIL');
  await expect(page.getByLabel('A comment on a card I watch')).toHaveValue('DIGEST');
  await expect(page.getByLabel('Daily digest at')).toHaveValue('7');
  await expect(page.getByLabel('Your time zone')).toHaveValue('Europe/Berlin');

  await page.getByRole('button', { name: 'Pause until Monday' }).click();
  await expect(page.getByText(/^No e-mail until Monday/)).toBeVisible();
  await page.getByRole('button', { name: 'Resume now' }).click();
  await expect(page.getByText('E-mail goes out as chosen below.')).toBeVisible();

  for (const size of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    const sideways = await page.evaluate(() => {
      const root = (
        globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
      ).document.documentElement;
      return root.scrollWidth > root.clientWidth;
    });
    expect(sideways, `scrolls sideways at ${size.width} px`).toBe(false);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  }
});
