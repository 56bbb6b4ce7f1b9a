import { expect, test } from '@playwright/test';
import { freshBoard, signIn } from './support/board-fixtures';

test('a link to a card on a team the reader cannot see shows only that such a link exists', async ({ page }) => {
  const content = await freshBoard(page, 'Links content');
  const web = await freshBoard(page, 'Links web');
  const ours = await content.card('Launch landing page', 'To do');
  const theirs = await web.card('Confidential checkout rebuild', 'In progress');
  expect(
    (
      await page.request.post(`/api/cards/${ours.id}/links`, { data: { toCardId: theirs.id, kind: 'DEPENDS_ON' } })
    ).status(),
  ).toBe(201);
  expect(
    (
      await page.request.post(`/api/teams/${content.teamId}/members`, {
        data: { email: 'vic@demo.test', role: 'VIEWER' },
      })
    ).status(),
  ).toBe(200);

  // The admin sees the other card.
  await page.goto(`/teams/${content.teamId}/board/cards/${ours.id}`);
  const panel = page.getByRole('dialog', { name: 'Launch landing page' });
  const links = panel.getByRole('region', { name: 'Links' });
  await expect(links.getByRole('link', { name: 'Confidential checkout rebuild' })).toBeVisible();

  // A viewer of this team only sees that it depends on a card of another team, and nothing of that card.
  await signIn(page.request, 'vic@demo.test');
  await page.goto(`/teams/${content.teamId}/board/cards/${ours.id}`);
  await expect(links.getByText('This card depends on a card on another team that you cannot see')).toBeVisible();
  await expect(links.getByRole('link')).toHaveCount(0);
  await expect(page.getByText('Confidential checkout rebuild')).toHaveCount(0);
  await expect(page.getByText(/Links web/)).toHaveCount(0);
});
