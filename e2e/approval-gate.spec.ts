import { expect, test } from '@playwright/test';
import { cardIn, column, dragWithMouse, freshBoard } from './support/board-fixtures';

test('a column that requires approval keeps an unapproved card, by mouse and keyboard, until it is approved', async ({
  page,
}) => {
  const board = await freshBoard(page, 'Gate');
  const gated = await page.request.patch(`/api/columns/${board.columns['Review']}`, {
    data: { requiresApproval: true },
  });
  expect(gated.status()).toBe(200);
  const card = await board.card('Press release', 'Review');
  await page.goto(`/teams/${board.teamId}/board`);

  // By mouse: refused where it was dropped, saying what is missing; the card stays in Review.
  await dragWithMouse(page, cardIn(page, 'Review', 'Press release'), column(page, 'Done'));
  await expect(page.getByRole('alert')).toContainText(
    'Column "Review" needs an approved version before a card leaves it: no approval asked for',
  );
  await expect(cardIn(page, 'Review', 'Press release')).toBeVisible();

  // By keyboard: the same refusal.
  await cardIn(page, 'Review', 'Press release').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(page.getByRole('alert')).toContainText('needs an approved version before a card leaves it');
  await expect(cardIn(page, 'Review', 'Press release')).toBeVisible();

  // Asked and approved in the card's panel, it may leave.
  const me = await (await page.request.get('/api/auth/me')).json();
  const asked = await page.request.post(`/api/cards/${card.id}/approval`, { data: { approverIds: [me.user.id] } });
  expect(asked.status()).toBe(201);
  await page.goto(`/teams/${board.teamId}/board/cards/${card.id}`);
  const approval = page.getByRole('dialog', { name: 'Press release' }).getByRole('region', { name: 'Approval' });
  await approval.getByRole('button', { name: 'Approve' }).click();
  await expect(approval.getByText('approved', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Press release' })).toHaveCount(0);

  await dragWithMouse(page, cardIn(page, 'Review', 'Press release'), column(page, 'Done'));
  await expect(cardIn(page, 'Done', 'Press release')).toBeVisible();
});
