import { expect, test } from '@playwright/test';
import { signIn } from './support/board-fixtures';

// What a person meets off the beaten path: an address the board does not have, and the sign-in page before they
// are signed in.

for (const address of ['/teams', '/nowhere', '/teams/not-a-team/board/extra/part']) {
  test(`an unknown address (${address}) shows a plain not-found page with a way back`, async ({ page }) => {
    await signIn(page.request, 'maya@demo.test');
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    // The top bar stays, and a link leads back to the person's board.
    await expect(page.getByRole('combobox', { name: 'Team' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to your board' }).click();
    await expect(page.getByRole('region', { name: 'Backlog', exact: true })).toBeVisible();
    // No developer's text on the way.
    await page.goBack();
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByText(/Unexpected Application Error|Hey developer|404 Not Found|at \w+ \(/)).toHaveCount(0);
  });
}

// A team's pages at an address naming no team the person can read say so in words, not in the API's field paths.
for (const page of ['board', 'calendar'])
  test(`a team's ${page} at a team that is not there says so`, async ({ page: tab }) => {
    await signIn(tab.request, 'maya@demo.test');
    for (const team of ['not-a-team', '00000000-0000-4000-8000-00000000dead']) {
      await tab.goto(`/teams/${team}/${page}`);
      await expect(tab.getByText('This team does not exist or you cannot see it.')).toBeVisible();
      await expect(tab.getByText(/params\.|must be a valid id/)).toHaveCount(0);
    }
  });

test('the signed-out sign-in page asks the API for nothing that must fail', async ({ page }) => {
  const calls: string[] = [];
  const failed: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/')) calls.push(path);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(calls.filter((p) => p.startsWith('/api/teams'))).toEqual([]);
  // The one answer that may be a refusal is the session check itself, which says that nobody is signed in.
  expect(failed.filter((f) => f !== '401 /api/auth/me')).toEqual([]);
});
