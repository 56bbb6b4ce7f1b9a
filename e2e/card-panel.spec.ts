import { expect, test } from '@playwright/test';
import { cardIn, freshBoard } from './support/board-fixtures';

test('edit a card in its panel: fields, Markdown shown safely, comment, checklist, principle, obstacle', async ({
  page,
}) => {
  const board = await freshBoard(page, 'Panel');
  const card = await board.card('Draft the press release', 'To do');
  await page.goto(`/teams/${board.teamId}/board/cards/${card.id}`);
  const panel = page.getByRole('dialog', { name: 'Draft the press release' });
  await expect(panel).toBeVisible();

  await panel.getByLabel('Title', { exact: true }).fill('Press release: spring launch');
  await panel.getByRole('button', { name: 'Edit description' }).click();
  await panel
    .getByLabel('Description (Markdown)')
    .fill(
      '**Bold plan** <script>window.__injected = 1</script> <img src="x" onerror="window.__injected = 2"> [site](javascript:alert(1))',
    );
  await panel.getByRole('button', { name: 'Preview' }).click();
  await panel.getByLabel('Estimate (points)').fill('5');
  await panel.getByLabel('Labels (comma-separated)').fill('pr, launch');
  await panel.getByRole('checkbox', { name: /Many small experiments/ }).check();
  await panel.getByRole('checkbox', { name: 'Blocked' }).check();
  await panel.getByLabel('What blocks it?').fill('Waiting for the CEO quote');
  await panel.getByRole('button', { name: 'Save changes' }).click();

  const saved = page.getByRole('dialog', { name: 'Press release: spring launch' });
  await expect(saved).toBeVisible();
  const description = saved.getByTestId('description');
  await expect(description.locator('strong')).toHaveText('Bold plan');
  await expect(description.locator('script, img')).toHaveCount(0);
  await expect(description.locator('a[href^="javascript"]')).toHaveCount(0);
  expect(await page.evaluate(() => (globalThis as unknown as { __injected?: number }).__injected)).toBeUndefined();
  await expect(cardIn(page, 'To do', 'Press release: spring launch')).toContainText(
    'Blocked: Waiting for the CEO quote',
  );

  await saved.getByLabel('New comment').fill('Asked the CEO office again');
  await saved.getByRole('button', { name: 'Comment' }).click();
  await expect(saved.getByText('Asked the CEO office again')).toBeVisible();
  await saved.getByLabel('New checklist title').fill('Before sending');
  await saved.getByRole('button', { name: 'Add checklist' }).click();
  await saved.getByLabel('New item for Before sending').fill('Legal approval');
  await saved.getByRole('button', { name: 'Add item' }).click();
  await saved.getByRole('checkbox', { name: 'Legal approval' }).click();
  await expect(saved.getByRole('checkbox', { name: 'Legal approval' })).toBeChecked();
  await expect(saved.getByText('1/1')).toBeVisible();
  await expect(saved.getByRole('region', { name: 'History' })).toContainText(
    'renamed this from “Draft the press release” to “Press release: spring launch”',
  );
});

test('a stale edit is refused and the newer version is shown', async ({ page }) => {
  const board = await freshBoard(page, 'Stale');
  const card = await board.card('Newsletter subject line', 'Backlog');
  await page.goto(`/teams/${board.teamId}/board/cards/${card.id}`);
  const panel = page.getByRole('dialog', { name: 'Newsletter subject line' });
  await expect(panel).toBeVisible();
  // Someone else renames it while the panel is open.
  const elsewhere = await page.request.patch(`/api/cards/${card.id}`, {
    data: { version: card.version, title: 'Subject line, chosen by Sam' },
  });
  expect(elsewhere.status()).toBe(200);
  await panel.getByLabel('Title', { exact: true }).fill('My subject line');
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Someone else changed this card' })).toBeVisible();
  await expect(page.getByRole('dialog').getByLabel('Title', { exact: true })).toHaveValue(
    'Subject line, chosen by Sam',
  );
});

test('link to a card on another team’s board, then archive and restore', async ({ page }) => {
  const marketing = await freshBoard(page, 'Marketing');
  const dev = await freshBoard(page, 'Development');
  const needed = await dev.card('Landing page template for panel test', 'In progress');
  const card = await marketing.card('Launch landing page copy', 'To do');
  await page.goto(`/teams/${marketing.teamId}/board/cards/${card.id}`);
  const panel = page.getByRole('dialog', { name: 'Launch landing page copy' });
  await panel.getByLabel('Find a card to link').fill('Landing page template for panel');
  await panel.getByRole('button', { name: /Landing page template for panel test/ }).click();
  await expect(panel.getByRole('link', { name: 'Landing page template for panel test' })).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Links' })).toContainText('This card depends on');
  expect(needed.id).toBeTruthy();

  await panel.getByRole('button', { name: 'Archive card' }).click();
  await expect(panel.getByText('This card is archived.')).toBeVisible();
  await expect(cardIn(page, 'To do', 'Launch landing page copy')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Archived cards' }).click();
  await page
    .getByRole('dialog', { name: 'Archived cards' })
    .getByRole('link', { name: 'Launch landing page copy' })
    .click();
  await page
    .getByRole('dialog', { name: 'Launch landing page copy' })
    .getByRole('button', { name: 'Restore card' })
    .click();
  await expect(cardIn(page, 'To do', 'Launch landing page copy')).toBeVisible();
});

test('the card panel names the card, says where it is, and confirms what was saved', async ({ page }) => {
  const board = await freshBoard(page, 'Heading');
  const card = await board.card('Webinar follow-up mail', 'In progress');
  await page.goto(`/teams/${board.teamId}/board/cards/${card.id}`);
  const panel = page.getByRole('dialog', { name: 'Webinar follow-up mail' });
  await expect(panel.getByRole('heading', { level: 2, name: 'Webinar follow-up mail' })).toBeVisible();
  await expect(panel.locator('.card-where')).toContainText('ColumnIn progress');
  await expect(panel.locator('.card-where')).toContainText('SprintNot in a sprint');

  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Nothing to save' })).toBeVisible();

  await panel.getByLabel('Labels (comma-separated)').fill('email, webinar');
  await panel.getByLabel('Estimate (points)').fill('2');
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved the estimate, the labels.' })).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'In progress', exact: true })
      .getByRole('button', { name: 'Webinar follow-up mail' }),
  ).toContainText('webinar');
});

test('the link picker asks the server once typing pauses, not on every keystroke', async ({ page }) => {
  const board = await freshBoard(page, 'Debounce');
  const card = await board.card('Partner newsletter', 'Backlog');
  await board.card('Partner logo wall', 'To do');
  const searches: string[] = [];
  page.on(
    'request',
    (r) => r.url().includes('/api/cards/search') && searches.push(new URL(r.url()).searchParams.get('q') ?? ''),
  );
  await page.goto(`/teams/${board.teamId}/board/cards/${card.id}`);
  const panel = page.getByRole('dialog', { name: 'Partner newsletter' });
  await panel.getByLabel('Find a card to link').pressSequentially('Partner logo', { delay: 20 });
  await expect(panel.getByRole('button', { name: /Partner logo wall/ })).toBeVisible();
  // Twelve keystrokes: a search for the whole text, and at most one more where a loaded machine held a keystroke
  // back past the pause (a test of counts, not of time).
  expect(searches.at(-1)).toBe('Partner logo');
  expect(searches.length).toBeLessThanOrEqual(2);
});
