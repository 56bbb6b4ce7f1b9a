import { expect, test } from '@playwright/test';
import { freshBoard, signIn } from './support/board-fixtures';

// Two teams of its own (made by the demo admin) with a wait between them, due tomorrow; then the demo PMO reads it.
test('a PMO opens the dependency graph, follows an at-risk edge to its list, and reads the principle coverage for the quarter', async ({
  page,
}) => {
  const marketing = await freshBoard(page, 'Campaigns');
  const launch = await marketing.card('Launch microsite', 'In progress');
  const development = await freshBoard(page, 'Platform');
  const form = await development.card('Sign-up form API', 'To do');
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  expect(
    (
      await page.request.patch(`/api/cards/${launch.id}`, { data: { version: launch.version, dueDate: tomorrow } })
    ).status(),
  ).toBe(200);
  expect(
    (
      await page.request.post(`/api/cards/${launch.id}/links`, { data: { toCardId: form.id, kind: 'DEPENDS_ON' } })
    ).status(),
  ).toBe(201);
  const teams = await (await page.request.get('/api/teams')).json();
  const name = (id: string) => teams.teams.find((t: { id: string; name: string }) => t.id === id).name as string;

  await signIn(page.request, 'pat@demo.test');
  await page.goto('/dashboard');
  await page.getByRole('navigation', { name: 'Across teams' }).getByRole('link', { name: 'Dependencies' }).click();
  await expect(page.getByRole('heading', { name: 'Dependencies between teams' })).toBeVisible();

  // The edge between the two teams is drawn as at risk and says so in words.
  const edge = page.getByRole('link', {
    name: `${name(marketing.teamId)} waits on ${name(development.teamId)}: 1 open link, 1 at risk`,
  });
  await expect(edge).toBeVisible();
  // Edges are links: followed here by keyboard (with many teams, a curve's middle may lie under another edge).
  await edge.focus();
  await page.keyboard.press('Enter');

  // Its list: that pair only, the wait marked at risk, with the deadline it threatens.
  await expect(page).toHaveURL(new RegExp(`waiting=${marketing.teamId}&on=${development.teamId}`));
  await expect(
    page.getByRole('heading', { name: `Open waits: ${name(marketing.teamId)} waiting on ${name(development.teamId)}` }),
  ).toBeVisible();
  const rows = page.getByRole('table', { name: /Open waits between teams/ }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('At risk');
  await expect(rows.nth(1)).toContainText('Launch microsite');
  await expect(rows.nth(1)).toContainText('Sign-up form API');
  await expect(rows.nth(1)).toContainText(tomorrow);
  // Sorting by a column is kept in the URL and said to screen readers.
  await page.getByRole('button', { name: /^Deadline/ }).click();
  await expect(page.getByRole('columnheader', { name: /Deadline/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/sort=deadline/);
  await expect(rows.nth(1)).toContainText('Launch microsite');

  // Principle coverage for this quarter, from the portfolio.
  await page.goto('/dashboard');
  await page.getByRole('navigation', { name: 'Across teams' }).getByRole('link', { name: 'Principles' }).click();
  await expect(page.getByRole('heading', { name: /^Manifesto principles: Q[1-4] \d{4} so far$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'This quarter' })).toHaveAttribute('aria-pressed', 'true');
  await expect(
    page.getByRole('region', { name: /principles nobody worked on lately|Every principle was worked on lately/ }),
  ).toBeVisible();
  const heatmap = page.getByRole('table', { name: 'Cards finished (and points) per team and principle' });
  await expect(heatmap.getByRole('columnheader', { name: 'Customer focus' })).toBeVisible();
  await expect(heatmap.getByRole('rowheader', { name: 'Content Marketing' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Experiments by result/ })).toBeVisible();
});
