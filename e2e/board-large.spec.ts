import { expect, test } from '@playwright/test';
import { cardIn, column, dragWithMouse, freshBoard } from './support/board-fixtures';

test('a 500-card column renders only what is in view and still takes a drag', async ({ page }) => {
  test.setTimeout(120_000);
  const board = await freshBoard(page, 'Large');
  // 500 cards through the API, 5 at a time: with another test running beside this one, more at once can wait
  // past the embedded database's transaction start timeout.
  for (let i = 0; i < 500; i += 5) {
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, j) =>
        page.request.post('/api/cards', {
          data: { columnId: board.columns['To do'], title: `Bulk card ${i + j + 1}`, position: 'bottom' },
        }),
      ),
    );
    for (const answer of answers) expect(answer.status()).toBe(201);
  }
  await board.card('Card to drag', 'Backlog');
  await page.goto(`/teams/${board.teamId}/board`);
  await expect(column(page, 'To do')).toContainText('500');
  const rendered = await column(page, 'To do').locator('[data-card-id]').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(100);

  // Dropped on the header, the card goes to the top; the cards below move down in place rather than being
  // built again (the list's rows follow the cards, not their positions).
  const firstBefore = await cardIn(page, 'To do', 'Bulk card 1').elementHandle();
  await dragWithMouse(page, cardIn(page, 'Backlog', 'Card to drag'), column(page, 'To do').locator('.column-header'));
  await expect(column(page, 'To do')).toContainText('501');
  await expect(column(page, 'To do').locator('[data-card-id]').first()).toHaveAttribute('aria-label', 'Card to drag');
  expect(await firstBefore!.evaluate((node) => node.isConnected && node.getAttribute('aria-label'))).toBe(
    'Bulk card 1',
  );

  await page.getByRole('searchbox', { name: 'Search cards' }).fill('Bulk card 499');
  await expect(cardIn(page, 'To do', 'Bulk card 499')).toBeVisible();
});
