import { expect, test } from '@playwright/test';
import { cardIn, freshBoard } from './support/board-fixtures';

test('a card spans days: its start date is set in the panel, and a start after the due date is refused', async ({
  page,
}) => {
  const board = await freshBoard(page, 'Dates');
  const card = await board.card('Trade fair stand', 'To do');
  await page.goto(`/teams/${board.teamId}/board/cards/${card.id}`);
  const panel = page.getByRole('dialog', { name: 'Trade fair stand' });
  await expect(panel).toBeVisible();

  await panel.getByLabel('Start date').fill('2026-12-12');
  await panel.getByLabel('Due date').fill('2026-12-15');
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(panel.getByRole('region', { name: 'History' })).toContainText('set the start date to');
  const face = cardIn(page, 'To do', 'Trade fair stand');
  await expect(face).toContainText('12–15 Dec');

  // The start moves past the stored due date: the API refuses it, and says so beside the field.
  await panel.getByLabel('Start date').fill('2026-12-16');
  await panel.getByRole('button', { name: 'Save changes' }).click();
  const start = panel.getByLabel('Start date');
  await expect(start).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.locator('#startDate-error')).toHaveText('Start date must not be after the due date');
  await expect(face).toContainText('12–15 Dec');
});
