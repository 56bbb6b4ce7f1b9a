import { expect, request as playwrightRequest, test } from '@playwright/test';
import { freshBoard } from './support/board-fixtures';

// A person makes a calendar feed of a team's cards on the account page (on a phone), copies its URL once, a calendar
// app fetches it without a session and finds the card, and once the feed is revoked the URL answers "not found".
test('make a team calendar feed, fetch it as a calendar app would, and revoke it', async ({ page, baseURL }) => {
  const board = await freshBoard(page, 'Calendar');
  const title = `Newsletter, issue 12; send ${Date.now().toString(36)}`;
  const card = await board.card(title, 'To do');
  const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  expect(
    (await page.request.patch(`/api/cards/${card.id}`, { data: { version: card.version, dueDate: due } })).status(),
  ).toBe(200);
  const teamName = (await (await page.request.get(`/api/teams/${board.teamId}`)).json()).name as string;

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/account');
  const form = page.getByRole('form', { name: 'New calendar feed' });
  await form.getByRole('combobox', { name: /^Cards/ }).selectOption('team');
  await form.getByRole('combobox', { name: /^Team/ }).selectOption({ label: teamName });
  await form.getByRole('button', { name: 'Make calendar feed' }).click();
  const shown = page.getByRole('region', { name: 'Your calendar feed URL' });
  await expect(shown).toContainText('From URL');
  const url = (await shown.locator('code').textContent())!;
  expect(url).toMatch(/\/api\/calendar-feeds\/amb_cal_[\w-]+\.ics$/);
  const sideways = await page.evaluate(() => {
    const root = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return root.scrollWidth > root.clientWidth;
  });
  expect(sideways, 'scrolls sideways at 390 px').toBe(false);

  // A calendar app: no cookie, only the URL.
  const calendarApp = await playwrightRequest.newContext({ baseURL });
  const path = new URL(url).pathname;
  const feed = await calendarApp.get(path);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(await feed.text()).toContain('SUMMARY:Newsletter\\, issue 12\\; send');

  const feedName = `${teamName} cards`;
  const row = page
    .getByRole('list', { name: 'Your calendar feeds' })
    .getByRole('listitem')
    .filter({ hasText: feedName });
  await row.getByRole('button', { name: `Revoke ${feedName}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke feed' }).click();
  await expect(page.getByText('The calendar feed is revoked')).toBeVisible();
  await expect(row).toHaveCount(0);
  expect((await calendarApp.get(path)).status()).toBe(404);
  await calendarApp.dispose();
});
