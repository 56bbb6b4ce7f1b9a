import { expect, test, type Page } from '@playwright/test';
import { cardIn, column, dragWithMouse, freshBoard, signIn } from './support/board-fixtures';

// A scrum master runs a sprint end to end: plans it from the backlog by mouse and by keyboard, sees capacity
// exceeded, starts it; a member finishes a card on the board; the burndown falls; a card added mid-sprint shows as
// scope added; the sprint closes with one card carried over; velocity shows it.

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const backlogList = (page: Page) => page.getByRole('list', { name: 'Backlog cards' });
const sprintList = (page: Page, sprint: string) => page.getByRole('list', { name: `Cards in ${sprint}` });
const grip = (page: Page, title: string, points: number) =>
  page.getByRole('button', { name: `${title}, ${points} pt,` });

test('a scrum master plans, runs and closes a sprint; the charts follow from history', async ({ page }) => {
  const board = await freshBoard(page, 'Sprint team');
  for (const [email, role] of [
    ['maya@demo.test', 'SCRUM_MASTER'],
    ['sam@demo.test', 'MEMBER'],
  ]) {
    expect((await page.request.post(`/api/teams/${board.teamId}/members`, { data: { email, role } })).status()).toBe(
      200,
    );
  }
  const cards = {
    brief: ['Write the launch brief', 5],
    banner: ['Design the banner', 3],
    video: ['Cut the teaser video', 8],
    faq: ['Draft the FAQ', 2],
  } as const;
  for (const [title, points] of Object.values(cards)) {
    const card = await board.card(title, 'To do');
    expect(
      (
        await page.request.patch(`/api/cards/${card.id}`, { data: { version: card.version, estimate: points } })
      ).status(),
    ).toBe(200);
  }
  const next = await page.request.post('/api/sprints', {
    data: { teamId: board.teamId, name: 'Next sprint', startDate: day(20), endDate: day(33) },
  });
  expect(next.status()).toBe(201);

  // The scrum master creates the sprint on the planning screen.
  await signIn(page.request, 'maya@demo.test');
  await page.goto(`/teams/${board.teamId}/planning`);
  await page.getByRole('button', { name: 'New sprint' }).click();
  const dialog = page.getByRole('dialog', { name: 'New sprint' });
  await dialog.getByLabel('Name').fill('Launch sprint');
  await dialog.getByLabel('Goal').fill('Ship the launch kit');
  await dialog.getByLabel('Starts').fill(day(-3));
  await dialog.getByLabel('Ends').fill(day(10));
  await dialog.getByLabel('Capacity (points)').fill('10');
  await dialog.getByRole('button', { name: 'Create sprint' }).click();
  await expect(page.getByRole('heading', { name: 'Launch sprint' })).toBeVisible();
  await expect(page.getByText('Goal: Ship the launch kit')).toBeVisible();

  // By mouse, then by keyboard.
  await dragWithMouse(page, grip(page, cards.brief[0], 5), sprintList(page, 'Launch sprint'), { liftsCard: false });
  await expect(
    sprintList(page, 'Launch sprint').getByRole('button', { name: `${cards.brief[0]}, 5 pt` }),
  ).toBeVisible();
  await grip(page, cards.banner[0], 3).focus();
  await page.keyboard.press('Space');
  await expect(page.getByText(`${cards.banner[0]} is over the backlog.`)).toBeAttached();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(`${cards.banner[0]} is over the sprint.`)).toBeAttached();
  await page.keyboard.press('Space');
  await expect(
    sprintList(page, 'Launch sprint').getByRole('button', { name: `${cards.banner[0]}, 3 pt` }),
  ).toBeVisible();
  await expect(page.getByText('8 of 10 points of capacity committed')).toBeVisible();
  await dragWithMouse(page, grip(page, cards.video[0], 8), sprintList(page, 'Launch sprint'), { liftsCard: false });
  await expect(page.getByText('16 of 10 points of capacity committed')).toBeVisible();
  await expect(page.getByText('6 points over capacity')).toBeVisible();
  await expect(backlogList(page).getByRole('button', { name: `${cards.faq[0]}, 2 pt` })).toBeVisible();

  // The plan survives a reload: it was saved, not only drawn.
  await page.reload();
  await expect(sprintList(page, 'Launch sprint').getByRole('listitem')).toHaveCount(3);
  await page.getByRole('button', { name: 'Start Launch sprint' }).click();
  await expect(page.getByRole('button', { name: 'Start Launch sprint' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Sprint to plan' }).locator('option:checked')).toHaveText(
    'Launch sprint (active)',
  );

  // A member finishes a card on the board.
  await signIn(page.request, 'sam@demo.test');
  await page.goto(`/teams/${board.teamId}/board`);
  await dragWithMouse(page, cardIn(page, 'To do', cards.brief[0]), column(page, 'Done'));
  await expect(cardIn(page, 'Done', cards.brief[0])).toBeVisible();
  // The filter lives in the address, so the box shows ticked once the address has changed: wait for that.
  const onlyActive = page.getByRole('checkbox', { name: 'Only the active sprint' });
  await onlyActive.click();
  await expect(onlyActive).toBeChecked();
  await expect(page).toHaveURL(/sprint=active/);
  await expect(page.getByRole('button', { name: cards.faq[0], exact: true })).toHaveCount(0);

  // The burndown falls: remaining is the 16 committed less the 5 done.
  await signIn(page.request, 'maya@demo.test');
  await page.goto(`/teams/${board.teamId}/sprint`);
  const burndown = page.getByRole('table', { name: /^Burndown: Launch sprint.*: data$/ });
  await expect(burndown.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('16');
  const remaining = async () => {
    const rows = await burndown.getByRole('row').all();
    const values = await Promise.all(rows.slice(1).map((r) => r.getByRole('cell').nth(1).textContent()));
    return values.filter((v) => v !== '—').at(-1);
  };
  await expect.poll(remaining).toBe('11');

  // A card added mid-sprint shows as scope added, not as part of the commitment.
  await page.goto(`/teams/${board.teamId}/planning`);
  await page.getByRole('combobox', { name: 'Sprint to plan' }).selectOption({ label: 'Launch sprint (active)' });
  await page.getByRole('button', { name: `Add to Launch sprint: ${cards.faq[0]}` }).click();
  await expect(sprintList(page, 'Launch sprint').getByRole('button', { name: `${cards.faq[0]}, 2 pt` })).toBeVisible();
  await page.goto(`/teams/${board.teamId}/sprint`);
  const scope = page.getByRole('region', { name: 'Scope changed after the start' });
  await expect(scope.getByRole('row', { name: new RegExp(cards.faq[0]) })).toContainText('Added');
  await expect.poll(remaining).toBe('13');

  // Close: the video carries over, the others go back to the backlog; the goal was not met.
  await page.getByRole('button', { name: 'Close sprint…' }).click();
  const closing = page.getByRole('dialog', { name: 'Close Launch sprint' });
  await closing.getByRole('radio', { name: 'No' }).check();
  await closing.getByLabel('Carry over into').selectOption({ label: 'Next sprint' });
  await closing.getByLabel(`Where “${cards.video[0]}” goes`).selectOption('carry-over');
  await closing.getByLabel(`Where “${cards.banner[0]}” goes`).selectOption('backlog');
  await closing.getByLabel(`Where “${cards.faq[0]}” goes`).selectOption('backlog');
  await closing.getByRole('button', { name: 'Close sprint' }).click();
  await expect(closing).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Sprint' }).selectOption({ label: 'Launch sprint (closed)' });
  const report = page.getByRole('region', { name: 'Sprint report' });
  await expect(report).toContainText('Goal met: no');
  await expect(report.getByRole('region', { name: 'Carried over' })).toContainText(cards.video[0]);
  await expect(report.getByRole('region', { name: 'Done' })).toContainText(cards.brief[0]);
  const velocity = page.getByRole('table', { name: /^Velocity.*: data$/ });
  await expect(velocity.getByRole('row', { name: /Launch sprint/ })).toHaveText(/Launch sprint\s*16\s*5/);
});
