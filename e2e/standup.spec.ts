import { expect, test } from '@playwright/test';
import { freshBoard, signIn } from './support/board-fixtures';

// A scrum master runs the daily stand-up: steps through people by keyboard, sees the speaker's blocked card with
// its age and category, and escalates it to the PMO in one step.

test('a scrum master steps through the stand-up by keyboard and escalates a blocked card', async ({ page }) => {
  const board = await freshBoard(page, 'Stand-up team');
  const people: Record<string, string> = {};
  for (const [email, role] of [['maya@demo.test', 'SCRUM_MASTER'], ['sam@demo.test', 'MEMBER']] as const) {
    const res = await page.request.post(`/api/teams/${board.teamId}/members`, { data: { email, role } });
    expect(res.status()).toBe(200);
    people[email] = (await res.json()).userId;
  }
  const stuck = await board.card('Landing page copy', 'In progress');
  const other = await board.card('Webinar invite', 'In progress');
  expect((await page.request.patch(`/api/cards/${other.id}`, { data: { version: other.version, ownerIds: [people['maya@demo.test']] } })).status()).toBe(200);

  // Sam owns the landing page and raises the obstacle.
  await signIn(page.request, 'sam@demo.test');
  const blocked = await page.request.patch(`/api/cards/${stuck.id}`, {
    data: { version: stuck.version, ownerIds: [people['sam@demo.test']], blocked: true, blockedReason: 'Waiting for the agency’s final copy', blockerCategory: 'vendor' },
  });
  expect(blocked.status()).toBe(200);

  await signIn(page.request, 'maya@demo.test');
  await page.goto(`/teams/${board.teamId}/board`);
  await page.getByRole('link', { name: 'Stand-up' }).click();
  await expect(page.getByRole('heading', { name: /^Stand-up · Stand-up team/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The whole team' })).toBeVisible();

  const blockedPanel = page.getByRole('region', { name: /^Blocked/ });
  const card = blockedPanel.getByRole('listitem').filter({ hasText: 'Landing page copy' });
  await expect(card).toContainText('Blocked less than a day · vendor');
  await expect(card).toContainText('Waiting for the agency’s final copy');
  await expect(card).toContainText('owners: Sam Rivera');

  // By keyboard: the first person, then the next; the speaker's cards are marked.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { name: 'Now speaking: Maya Patel' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Maya Patel' })).toHaveAttribute('aria-pressed', 'true');
  await expect(card).not.toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { name: 'Now speaking: Sam Rivera' })).toBeVisible();
  await expect(card).toHaveAttribute('aria-current', 'true');
  await expect(card).toContainText('★ Card of the person speaking');
  const changes = page.getByRole('region', { name: 'What Sam Rivera changed' });
  await expect(changes).toContainText('Sam Rivera marked “Landing page copy” blocked: Waiting for the agency’s final copy (vendor)');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('heading', { name: 'Now speaking: Maya Patel' })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { name: 'Now speaking: Sam Rivera' })).toBeVisible();

  await card.getByRole('button', { name: 'Escalate to the PMO' }).click();
  await expect(card).toContainText('Escalated to the PMO');
  await expect(card.getByRole('button', { name: 'Escalate to the PMO' })).toHaveCount(0);
  // The flag is saved, and the change is in the history.
  await page.reload();
  await expect(page.getByRole('region', { name: /^Blocked/ }).getByRole('listitem').filter({ hasText: 'Landing page copy' })).toContainText('Escalated to the PMO');
  await expect(page.getByRole('region', { name: 'What changed' })).toContainText('Maya Patel escalated the obstacle on “Landing page copy” to the PMO');
});
