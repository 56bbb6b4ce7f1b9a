import { expect, test } from '@playwright/test';
import { freshBoard, signIn } from './support/board-fixtures';

// A scrum master runs the daily stand-up: steps through people by keyboard, sees the speaker's blocked card with
// its age and category, and escalates it to the PMO in one step.

test('a scrum master steps through the stand-up by keyboard and escalates a blocked card', async ({ page }) => {
  const board = await freshBoard(page, 'Stand-up team');
  const people: Record<string, string> = {};
  for (const [email, role] of [
    ['maya@demo.test', 'SCRUM_MASTER'],
    ['sam@demo.test', 'MEMBER'],
  ] as const) {
    const res = await page.request.post(`/api/teams/${board.teamId}/members`, { data: { email, role } });
    expect(res.status()).toBe(200);
    people[email] = (await res.json()).userId;
  }
  const stuck = await board.card('Landing page copy', 'In progress');
  const other = await board.card('Webinar invite', 'In progress');
  expect(
    (
      await page.request.patch(`/api/cards/${other.id}`, {
        data: { version: other.version, ownerIds: [people['maya@demo.test']] },
      })
    ).status(),
  ).toBe(200);

  // Sam owns the landing page and raises the obstacle.
  await signIn(page.request, 'sam@demo.test');
  const blocked = await page.request.patch(`/api/cards/${stuck.id}`, {
    data: {
      version: stuck.version,
      ownerIds: [people['sam@demo.test']],
      blocked: true,
      blockedReason: 'Waiting for the agency’s final copy',
      blockerCategory: 'vendor',
    },
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
  await expect(changes).toContainText(
    'Sam Rivera marked “Landing page copy” blocked: Waiting for the agency’s final copy (vendor)',
  );
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('heading', { name: 'Now speaking: Maya Patel' })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { name: 'Now speaking: Sam Rivera' })).toBeVisible();

  await card.getByRole('button', { name: 'Escalate to the PMO' }).click();
  await expect(card).toContainText('Escalated to the PMO');
  await expect(card.getByRole('button', { name: 'Escalate to the PMO' })).toHaveCount(0);
  // The flag is saved, and the change is in the history.
  await page.reload();
  await expect(
    page
      .getByRole('region', { name: /^Blocked/ })
      .getByRole('listitem')
      .filter({ hasText: 'Landing page copy' }),
  ).toContainText('Escalated to the PMO');
  await expect(page.getByRole('region', { name: 'What changed' })).toContainText(
    'Maya Patel escalated the obstacle on “Landing page copy” to the PMO',
  );
});

// The scrum master walks the board instead of the people, with a timer per turn; sets the team's stand-up time and a
// column's aging threshold, and the stand-up follows.
test('a scrum master steps through columns with a timer, and sets the stand-up time and a column’s aging threshold', async ({
  page,
}) => {
  const board = await freshBoard(page, 'Walk the board');
  expect(
    (
      await page.request.post(`/api/teams/${board.teamId}/members`, {
        data: { email: 'maya@demo.test', role: 'SCRUM_MASTER' },
      })
    ).status(),
  ).toBe(200);
  await board.card('Review the press release', 'Review');
  await board.card('Draft the newsletter', 'In progress');

  await signIn(page.request, 'maya@demo.test');
  await page.goto(`/teams/${board.teamId}/standup`);
  await page.getByRole('radio', { name: 'Columns' }).check();
  await expect(page.getByRole('heading', { name: 'The whole board' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Timer per turn' }).check();
  await page.getByRole('heading', { name: 'The whole board' }).click();
  // From the column nearest done, by keyboard.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { name: 'Now at: Review (1 card)' })).toBeVisible();
  await expect(page.getByRole('timer', { name: 'Time for this turn' })).toContainText(/^[12]:\d\d left$/);
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { name: 'Now at: In progress (1 card)' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Columns' }).getByRole('button', { name: 'In progress' }),
  ).toHaveAttribute('aria-pressed', 'true');

  // The stand-up time: saved, the default window counts from it.
  const time = page.getByLabel('Stand-up at');
  await time.fill('08:15');
  await page.getByLabel('Team time zone').selectOption('Europe/Berlin');
  await page.getByRole('button', { name: 'Save time' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(page.getByText('since the last stand-up at 08:15, Europe/Berlin')).toBeVisible();

  // A column's aging threshold, set where its WIP limit is set.
  await page.goto(`/teams/${board.teamId}/board/columns`);
  const aging = page.getByLabel('Days before a card in Review is aging');
  await expect(aging).toHaveValue('3');
  await aging.fill('1');
  await aging.blur();
  await expect
    .poll(
      async () =>
        (await (await page.request.get(`/api/boards/${board.boardId}`)).json()).columns.find(
          (c: { name: string }) => c.name === 'Review',
        ).agingDays,
    )
    .toBe(1);
});
