import { expect, test } from '@playwright/test';
import { freshBoard } from './support/board-fixtures';

test('a long conversation opens on its newest comments and pages back to the first', async ({ page }) => {
  const board = await freshBoard(page, 'Comments');
  const card = await board.card('Campaign retro', 'To do');
  for (let i = 1; i <= 60; i++) {
    const res = await page.request.post(`/api/cards/${card.id}/comments`, { data: { body: `Note ${i} of the retro` } });
    expect(res.status()).toBe(201);
  }
  await page.goto(`/teams/${board.teamId}/board/cards/${card.id}`);
  const panel = page.getByRole('dialog', { name: 'Campaign retro' });
  const comments = panel.getByRole('list').filter({ hasText: 'of the retro' });
  await expect(comments.getByText('Note 60 of the retro')).toBeVisible();
  await expect(comments.getByText('Note 1 of the retro', { exact: true })).toHaveCount(0);
  await expect(comments.getByRole('listitem')).toHaveCount(50);

  await panel.getByRole('button', { name: 'Show older comments' }).click();
  await expect(comments.getByText('Note 1 of the retro', { exact: true })).toBeVisible();
  await expect(comments.getByRole('listitem')).toHaveCount(60);
  await expect(panel.getByRole('button', { name: 'Show older comments' })).toHaveCount(0);

  // A new comment arrives at the bottom, and nothing before it is lost.
  await panel.getByLabel('New comment').fill('Note 61 of the retro');
  await panel.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(comments.getByText('Note 61 of the retro')).toBeVisible();
  await expect(comments.getByRole('listitem').first()).toContainText('Note 1 of the retro');
});
