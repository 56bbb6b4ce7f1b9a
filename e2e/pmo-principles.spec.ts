import { expect, test, type Page } from '@playwright/test';
import { freshBoard, signIn, type BoardFixture } from './support/board-fixtures';

// The principle coverage for the teams a PMO chooses: two teams of their own that finished work this quarter, a
// third that finished nothing.

const teamsButton = (page: Page) =>
  page.getByRole('region', { name: /^Manifesto principles/ }).getByRole('button', { name: /^Teams/ });
const teamList = (page: Page) => page.getByRole('group', { name: 'Choose teams' });

async function finishCard(page: Page, board: BoardFixture, title: string) {
  const card = await board.card(title, 'In progress');
  const moved = await page.request.post(`/api/cards/${card.id}/move`, {
    data: { columnId: board.columns['Done'], afterCardId: null, version: card.version },
  });
  expect(moved.status()).toBe(200);
}

test('a PMO chooses two teams for the principle coverage, keeps them after a reload, and clears the choice', async ({
  page,
}) => {
  const north = await freshBoard(page, 'Principles north');
  await finishCard(page, north, 'North case study');
  const south = await freshBoard(page, 'Principles south');
  await finishCard(page, south, 'South newsletter');
  const idle = await freshBoard(page, 'Principles idle');
  const teams = (await (await page.request.get('/api/teams')).json()).teams as { id: string; name: string }[];
  const name = (b: BoardFixture) => teams.find((t) => t.id === b.teamId)!.name;

  await signIn(page.request, 'pat@demo.test');
  await page.goto('/pmo/principles');
  const heatmap = page.getByRole('table', { name: 'Cards finished (and points) per team and principle' });
  await expect(heatmap.getByRole('rowheader', { name: 'Content Marketing', exact: true })).toBeVisible();

  // Two teams chosen from the list by searching their names.
  await teamsButton(page).click();
  for (const b of [north, south]) {
    await teamList(page).getByRole('searchbox', { name: 'Find a team' }).fill(name(b));
    await teamList(page)
      .getByRole('checkbox', { name: name(b), exact: true })
      .check();
  }
  await teamList(page).getByRole('button', { name: 'Done' }).click();
  await expect(teamList(page)).toBeHidden();
  await expect(teamsButton(page)).toHaveAccessibleName(/^Teams: 2 of \d+/);
  await expect(page).toHaveURL(new RegExp(`teams=${north.teamId}(%2C|,)${south.teamId}`));
  const rows = async () => (await heatmap.getByRole('rowheader').allTextContents()).sort();
  const chosen = [name(north), name(south)].sort();
  await expect.poll(rows).toEqual(chosen);
  await expect(page.getByRole('heading', { name: /, the 2 chosen teams together$/ })).toBeVisible();

  // Kept in the URL: the same two teams after a reload.
  await page.reload();
  await expect.poll(rows).toEqual(chosen);
  await expect(teamsButton(page)).toHaveAccessibleName(/^Teams: 2 of \d+/);

  // Clearing brings every team back.
  await teamsButton(page).click();
  await teamList(page).getByRole('button', { name: 'Clear the team choice' }).click();
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/teams=/);
  await expect(teamsButton(page)).toHaveAccessibleName(/^Teams: All teams/);
  await expect(heatmap.getByRole('rowheader', { name: 'Content Marketing', exact: true })).toBeVisible();

  // A team that finished nothing: the page says so and offers to clear the choice, from the keyboard.
  await teamsButton(page).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type(name(idle));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(teamsButton(page)).toHaveAccessibleName(`Teams: ${name(idle)}`);
  await expect(
    page.getByText(/No card was finished from .* by the chosen team, so there is nothing to spread/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Clear the team choice', exact: true }).click();
  await expect(page).not.toHaveURL(/teams=/);
  await expect(heatmap.getByRole('rowheader', { name: 'Content Marketing', exact: true })).toBeVisible();
});
