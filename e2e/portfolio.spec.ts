import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

// Reads the demo data only (changes nothing), so it runs beside tests that make their own teams.
test('a PMO lands on the portfolio, narrows the period, opens a team’s flow, forecasts and exports CSV', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Email').fill('pat@demo.test');
  await page.getByLabel('Password').fill('demo-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();

  // Lands on the dashboard, not on a board, and sees every team.
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole('heading', { name: 'Portfolio' })).toBeVisible();
  const table = page.getByRole('table', { name: /^Teams from/ });
  for (const team of ['Content Marketing', 'Growth', 'Web Development'])
    await expect(table.getByRole('rowheader', { name: new RegExp(team) })).toBeVisible();

  // The date range goes into the URL and survives a reload.
  await page.getByRole('button', { name: 'Last 30 days' }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}/);
  const from = new URL(page.url()).searchParams.get('from')!;
  await expect(table).toHaveAccessibleName(new RegExp(`Teams from ${from}`));
  await page.reload();
  await expect(page.getByLabel('From')).toHaveValue(from);

  // Sorting by a column is said to screen readers and kept in the URL.
  await page.getByRole('button', { name: /^Blocked cards/ }).click();
  await expect(page.getByRole('columnheader', { name: /Blocked cards/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/sort=blocked/);

  // One team's flow: cumulative flow and the cycle-time scatter, for the same period.
  await table.getByRole('link', { name: 'Content Marketing' }).click();
  await expect(page.getByRole('heading', { name: 'Content Marketing: flow' })).toBeVisible();
  const cfd = page.getByRole('region', { name: /^Cumulative flow, Content Marketing/ });
  await expect(cfd).toContainText(from);
  await expect(cfd.locator('svg.recharts-surface').first()).toBeVisible();
  const cycle = page.getByRole('region', { name: /^Cycle time, Content Marketing/ });
  await expect(cycle.locator('svg.recharts-surface')).toBeVisible();
  await expect(cycle).toContainText(/85% within \d+ days/);

  // A forecast: how likely 12 cards are done by a launch date, and when.
  const launch = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Cards to finish').fill('12');
  await page.getByLabel('Launch date (optional)').fill(launch);
  await page.getByRole('button', { name: 'Run forecast' }).click();
  await expect(page.getByText(new RegExp(`\\d+% chance that 12 cards are done by ${launch}`))).toBeVisible();
  await expect(page.getByText(/12 cards done by \d{4}-\d{2}-\d{2} \(50%\)/)).toBeVisible();

  // CSV export of the cycle-time chart.
  const download = page.waitForEvent('download');
  await cycle.getByRole('button', { name: /Export CSV/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^cycle-time-content-marketing-.*\.csv$/);
  const csv = await readFile((await file.path())!, 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('Card,Finished on,Cycle time (days)');
  expect(lines.length).toBeGreaterThan(1);
  expect(lines[1]).toMatch(/,\d{4}-\d{2}-\d{2},\d+$/);
});

test('a forecast form names what is wrong before asking the server', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('pat@demo.test');
  await page.getByLabel('Password').fill('demo-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByRole('table', { name: /^Teams from/ })
    .getByRole('link', { name: 'Growth' })
    .click();
  await page.getByLabel('Cards to finish').fill('0');
  await page.getByRole('button', { name: 'Run forecast' }).click();
  await expect(page.getByText('must be at least 1')).toBeVisible();
  await expect(page.getByLabel('Cards to finish')).toHaveAttribute('aria-invalid', 'true');
});
