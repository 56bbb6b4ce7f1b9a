import { expect, test } from '@playwright/test';
import { column, freshBoard } from './support/board-fixtures';

test('a scrum master adds a column with a hard limit, renames it, and deletes it once empty', async ({ page }) => {
  const board = await freshBoard(page, 'Layout');
  await page.goto(`/teams/${board.teamId}/board`);
  await page.getByRole('link', { name: 'Columns' }).click();
  const dialog = page.getByRole('dialog', { name: 'Board columns' });
  await dialog.getByLabel('New column name').fill('Legal');
  await dialog.getByRole('button', { name: 'Add column' }).click();
  await expect(dialog.getByLabel('Name of column Legal')).toBeVisible();
  await dialog.getByLabel('WIP limit of Legal').fill('2');
  await dialog.getByLabel('WIP limit of Legal').blur();
  await dialog.getByLabel('WIP policy of Legal').selectOption('HARD');
  await expect(column(page, 'Legal')).toContainText('0 / 2');
  await expect(column(page, 'Legal')).toContainText('hard');
  await dialog.getByLabel('Name of column Legal').fill('Legal review');
  await dialog.getByLabel('Name of column Legal').blur();
  await expect(column(page, 'Legal review')).toBeVisible();

  // A column with cards cannot go.
  await board.card('Contract check', 'Review');
  await dialog.getByRole('button', { name: 'Delete column Review' }).click();
  await page
    .getByRole('dialog', { name: 'Delete column Review?' })
    .getByRole('button', { name: 'Delete column' })
    .click();
  await expect(dialog.getByRole('alert')).toContainText('holds 1 card');

  // Deleting asks first; Cancel (or Escape) keeps the column.
  await dialog.getByRole('button', { name: 'Delete column Legal review' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete column Legal review?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await expect(column(page, 'Legal review')).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete column Legal review' }).click();
  await confirm.getByRole('button', { name: 'Delete column' }).click();
  await expect(column(page, 'Legal review')).toHaveCount(0);
});
