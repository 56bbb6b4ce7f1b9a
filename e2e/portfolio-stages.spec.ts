import { expect, test } from '@playwright/test';
import { freshBoard } from './support/board-fixtures';

// The PMO adds a portfolio stage, renames it, maps a team's column onto it, and the team's cumulative flow shows it.
// The stage has a name of its own and is removed at the end, so tests beside this one keep the usual stages.
test('a PMO adds and renames a portfolio stage, maps a column onto it, and cumulative flow shows the stage', async ({
  page,
}) => {
  const board = await freshBoard(page, 'Stages');
  const layout = (await (await page.request.get(`/api/boards/${board.boardId}`)).json()) as {
    columns: { id: string; name: string; flowCategory: string }[];
  };
  const working = layout.columns.filter((c) => c.flowCategory === 'IN_PROGRESS').at(-1)!;
  const card = await board.card('Spring teaser', layout.columns.find((c) => c.flowCategory === 'TODO')!.name);
  expect(
    (
      await page.request.post(`/api/cards/${card.id}/move`, {
        data: { columnId: working.id, afterCardId: null, version: card.version },
      })
    ).status(),
  ).toBe(200);
  const team = (await (await page.request.get(`/api/teams/${board.teamId}`)).json()) as { name: string };
  const unique = Date.now().toString(36);
  let stageId: string | undefined;

  try {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('pat@demo.test');
    await page.getByLabel('Password').fill('demo-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await page.getByRole('link', { name: 'portfolio stages' }).click();
    await expect(page.getByRole('heading', { name: 'Portfolio stages', level: 1 })).toBeVisible();

    // Add a stage after the in-progress ones; a name already taken is refused next to the field.
    const add = page.getByRole('form', { name: 'Add a stage' });
    await add.getByLabel('Name').fill('Done');
    await add.getByLabel('Flow category').selectOption('DONE');
    await add.getByRole('button', { name: 'Add stage' }).click();
    await expect(add.getByText('is already the name of a stage')).toBeVisible();
    await add.getByLabel('Name').fill(`Review ${unique}`);
    await add.getByLabel('Flow category').selectOption('IN_PROGRESS');
    await add.getByRole('button', { name: 'Add stage' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Added Review ${unique}` })).toBeVisible();
    stageId = (
      (await (await page.request.get('/api/dashboard/stages')).json()).stages as { id: string; name: string }[]
    ).find((s) => s.name === `Review ${unique}`)?.id;

    // Rename it.
    await page.getByLabel(`Name of the stage Review ${unique}`).fill(`Approval ${unique}`);
    await page.getByRole('button', { name: `Rename Review ${unique}` }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Renamed Review ${unique} to Approval ${unique}` }),
    ).toBeVisible();

    // Map the team's last in-progress column onto it.
    const mapping = page.getByLabel(`Stage for ${team.name}, ${working.name}`);
    await mapping.selectOption({ label: `Approval ${unique}` });
    await expect(
      page.getByRole('status').filter({ hasText: `${working.name} now counts in Approval ${unique}` }),
    ).toBeVisible();

    // The team's cumulative flow has the stage, with the card in it today.
    await page.goto(`/dashboard/teams/${board.teamId}`);
    const cfd = page.getByRole('region', { name: /^Cumulative flow/ });
    await expect(cfd.locator('svg.recharts-surface').first()).toBeVisible();
    await expect(cfd.locator('.recharts-legend-wrapper')).toContainText(`Approval ${unique}`);
    await cfd.getByText('Data table').click();
    const headers = await cfd.getByRole('columnheader').allTextContents();
    const at = headers.indexOf(`Approval ${unique} (cards)`);
    expect(at).toBeGreaterThan(0);
    await expect(cfd.getByRole('row').last().getByRole('cell').nth(at)).toHaveText('1');
  } finally {
    if (stageId) expect((await page.request.delete(`/api/dashboard/stages/${stageId}`)).status()).toBe(200);
  }
});
