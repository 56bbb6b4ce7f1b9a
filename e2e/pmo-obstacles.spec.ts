import { expect, test } from '@playwright/test';
import { freshBoard, signIn } from './support/board-fixtures';

// The PMO works the obstacles across teams: opens the list from the portfolio, sorts it by age, opens an escalated
// card and takes it on with a note, which the team then reads on the card and at the stand-up.

test('a PMO sorts the obstacle list, takes on an escalated card with a note, and the team reads it', async ({ page }) => {
  const board = await freshBoard(page, 'Obstacle team');
  const added = await page.request.post(`/api/teams/${board.teamId}/members`, { data: { email: 'sam@demo.test', role: 'MEMBER' } });
  expect(added.status()).toBe(200);
  const copy = await board.card('Claims for the spring mailing', 'In progress');
  const banner = await board.card('Banner set for the fair', 'In progress');

  // Sam raises both obstacles, the legal one first, and escalates it to the PMO.
  await signIn(page.request, 'sam@demo.test');
  const block = (card: { id: string; version: number }, blockedReason: string, blockerCategory: string) => page.request.patch(`/api/cards/${card.id}`, { data: { version: card.version, blocked: true, blockedReason, blockerCategory } });
  expect((await block(copy, 'Legal has not approved the health claims', 'legal_compliance')).status()).toBe(200);
  expect((await block(banner, 'Printer has not confirmed the format', 'vendor')).status()).toBe(200);
  expect((await page.request.put(`/api/cards/${copy.id}/escalation`, { data: { escalated: true } })).status()).toBe(200);

  // The PMO opens the obstacle list from the portfolio and narrows it to the team.
  await signIn(page.request, 'pat@demo.test');
  await page.goto('/dashboard');
  await page.getByRole('navigation', { name: 'Across teams' }).getByRole('link', { name: 'Obstacles' }).click();
  await expect(page.getByRole('heading', { name: 'Obstacles across teams' })).toBeVisible();
  await page.getByRole('group', { name: 'Filter the obstacles' }).getByLabel('Team', { exact: true }).selectOption({ label: (await (await page.request.get(`/api/teams/${board.teamId}`)).json()).name });
  await expect(page).toHaveURL(new RegExp(`teams=${board.teamId}`));
  const table = page.getByRole('table', { name: /blocked cards now/ });
  const cardLinks = table.getByRole('rowheader');
  await expect(cardLinks).toHaveText(['Claims for the spring mailing', 'Banner set for the fair']);
  await expect(page.getByRole('columnheader', { name: /Age \(days\)/ })).toHaveAttribute('aria-sort', 'descending');
  const escalatedRow = table.getByRole('row').filter({ hasText: 'Claims for the spring mailing' });
  await expect(escalatedRow).toContainText('legal and compliance');
  await expect(escalatedRow).toContainText('Escalated');
  await expect(escalatedRow).toContainText('Waiting for the PMO');

  // Sorting by age the other way: the newest obstacle first, kept in the URL.
  await page.getByRole('button', { name: /^Age \(days\)/ }).click();
  await expect(page.getByRole('columnheader', { name: /Age \(days\)/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(cardLinks).toHaveText(['Banner set for the fair', 'Claims for the spring mailing']);
  await expect(page).toHaveURL(/sort=age&dir=asc|dir=asc.*sort=age/);

  // The escalated card opens on its board; the PMO takes it on with a note.
  await table.getByRole('link', { name: 'Claims for the spring mailing' }).click();
  const panel = page.getByRole('dialog', { name: 'Claims for the spring mailing' });
  const pmo = panel.getByRole('region', { name: /^PMO:/ });
  await expect(pmo).toHaveAccessibleName(/waiting for someone to take it on/);
  await pmo.getByRole('button', { name: 'Mark as being handled' }).click();
  await expect(pmo.getByRole('alert')).toContainText('Note is required');
  await pmo.getByLabel('Note for the team').fill('Meeting legal on Tuesday; you hear from me by Wednesday noon');
  await pmo.getByRole('button', { name: 'Mark as being handled' }).click();
  await expect(pmo).toHaveAccessibleName('PMO: Being handled by the PMO');
  await expect(pmo).toContainText('Handled by Pat Okafor');
  await expect(pmo).toContainText('Meeting legal on Tuesday; you hear from me by Wednesday noon');

  // Sam sees the state, the handler and the note on the card, and cannot change them; the stand-up shows them too.
  await signIn(page.request, 'sam@demo.test');
  await page.goto(`/teams/${board.teamId}/board/cards/${copy.id}`);
  const seen = page.getByRole('dialog', { name: 'Claims for the spring mailing' }).getByRole('region', { name: /^PMO:/ });
  await expect(seen).toHaveAccessibleName('PMO: Being handled by the PMO');
  await expect(seen).toContainText('Handled by Pat Okafor');
  await expect(seen).toContainText('Meeting legal on Tuesday; you hear from me by Wednesday noon');
  await expect(seen.getByLabel('Note for the team')).toHaveCount(0);
  await page.goto(`/teams/${board.teamId}/standup`);
  const item = page.getByRole('region', { name: /^Blocked/ }).getByRole('listitem').filter({ hasText: 'Claims for the spring mailing' });
  await expect(item).toContainText('being handled by Pat Okafor');
  await expect(item).toContainText('PMO: “Meeting legal on Tuesday; you hear from me by Wednesday noon”');
});
