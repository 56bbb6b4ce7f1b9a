import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { freshBoard, signIn } from './support/board-fixtures';
import { demoTeam, settled, pmoPages } from './support/pages';

// axe-core on every page and the states a person opens on it (panels, dialogs, charts), with the demo data, as the
// people who use each page: a scrum master, the PMO, the admin. A serious or critical finding fails the test; every
// page is checked before it fails, so one run lists them all. Each test reads only, so they run side by side.
// Every page and state is checked in the light theme and again, for colour contrast, in the dark one (support/axe.ts).

test('signed out, and a scrum master’s board, card, dialogs, sprint, planning, stand-up and retrospective', async ({
  page,
}) => {
  // Ten pages and states, each read in full by axe.
  test.slow();
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the sign-in page');

  await signIn(page.request, 'maya@demo.test');
  const { teamId, closed } = await demoTeam(page.request, 'Content Marketing');

  await page.goto(`/teams/${teamId}/board`);
  await expect(page.getByRole('region', { name: 'Backlog', exact: true })).toBeVisible();
  await settled(page);
  await expectNoSeriousViolations(page, 'the board');

  await page.locator('.board-card').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog').getByText(/^Loading\b/)).toHaveCount(0);
  await expectNoSeriousViolations(page, 'the board with a card panel open');
  await page.getByRole('dialog').getByRole('button', { name: 'Edit description' }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: 'Description (Markdown)' }).pressSequentially(' @S');
  await expect(page.getByRole('listbox', { name: 'People to mention' }).getByRole('option').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'the card panel’s description, offering people to mention');

  await page.goto(`/teams/${teamId}/board/columns`);
  await expect(page.getByRole('dialog', { name: 'Board columns' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the columns dialog');

  await page.goto(`/teams/${teamId}/sprint`);
  await settled(page);
  await expect(page.getByRole('figure').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'the active sprint with its charts');

  await page.getByRole('button', { name: 'Close sprint…' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'the close-sprint dialog');

  await page.goto(`/teams/${teamId}/planning`);
  await settled(page);
  await expectNoSeriousViolations(page, 'sprint planning');

  await page.getByRole('button', { name: 'New sprint' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'the new-sprint dialog');

  await page.goto(`/teams/${teamId}/standup`);
  await settled(page);
  await expectNoSeriousViolations(page, 'the stand-up');

  for (const [path, what] of [
    [`/teams/${teamId}/calendar`, 'the team calendar (month)'],
    [`/teams/${teamId}/calendar?view=week&colour=owner`, 'the team calendar (week, by owner)'],
    ['/calendar?view=agenda', 'my calendar (agenda)'],
  ] as const) {
    await page.goto(path);
    await settled(page);
    await expectNoSeriousViolations(page, what);
  }

  await page.goto(`/teams/${teamId}/sprints/${closed!.id}/retrospective`);
  await settled(page);
  await expectNoSeriousViolations(page, 'the retrospective');
});

test('the PMO’s portfolio, flow, obstacles, dependencies and principle coverage', async ({ page }) => {
  // Seven chart pages, each read by axe in both themes.
  test.slow();
  await signIn(page.request, 'pat@demo.test');
  const { teamId } = await demoTeam(page.request, 'Content Marketing');
  for (const [path, what] of pmoPages(teamId)) {
    await page.goto(path);
    await settled(page);
    await expectNoSeriousViolations(page, what);
  }
});

test('the admin’s organisation pages, import with a preview, webhooks, inbox, account and not-found', async ({
  page,
}) => {
  test.slow();
  await signIn(page.request, 'alex@demo.test');
  const { teamId } = await demoTeam(page.request, 'Content Marketing');
  for (const [path, what] of [
    ['/admin/teams', 'the admin’s teams'],
    ['/admin/people', 'the admin’s people'],
    ['/admin/sign-up', 'the sign-up settings'],
    ['/admin/audit', 'the audit log'],
    [`/admin/teams/${teamId}`, 'a team’s members'],
    [`/teams/${teamId}/webhooks`, 'webhooks'],
    ['/account', 'the account page'],
    ['/account/notifications', 'the notification settings'],
    ['/nowhere', 'the not-found page'],
  ] as const) {
    await page.goto(path);
    await settled(page);
    await expectNoSeriousViolations(page, what);
  }

  await page.goto(`/teams/${teamId}/import`);
  await settled(page);
  await expectNoSeriousViolations(page, 'the import page');
  const long = `${'A launch plan for every channel we run this quarter '.repeat(5)}and more`;
  const csv = `title,column,owners,estimate\n"${long}",Backlog,,\nOutsider's card,Backlog,someone@elsewhere.test,\nBad one,Backlog,,lots\n`;
  await page.getByLabel('CSV file').check();
  await page
    .getByLabel('File to import', { exact: true })
    .setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('region', { name: 'Preview of the first rows' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the import preview');

  // A sprint closed with one card done and one returned to the backlog, so its report has something in it.
  const board = await freshBoard(page, 'Report');
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const created = await page.request.post('/api/sprints', {
    data: { teamId: board.teamId, name: 'Autumn sprint', startDate: day(-10), endDate: day(3) },
  });
  const sprintId = (await created.json()).id as string;
  const done = await board.card('Publish the case study', 'Backlog');
  const open = await board.card('Draft the webinar invite', 'Backlog');
  let version = done.version;
  for (const card of [done, open]) {
    const planned = await page.request.put(`/api/cards/${card.id}/sprint`, { data: { sprintId } });
    expect(planned.ok()).toBe(true);
    if (card === done) version = (await planned.json()).version;
  }
  expect((await page.request.post(`/api/sprints/${sprintId}/start`)).ok()).toBe(true);
  const doneColumn = Object.keys(board.columns).at(-1)!;
  expect(
    (
      await page.request.post(`/api/cards/${done.id}/move`, {
        data: { columnId: board.columns[doneColumn], afterCardId: null, version },
      })
    ).ok(),
  ).toBe(true);
  expect((await page.request.post(`/api/sprints/${sprintId}/close`, { data: { goalMet: true } })).ok()).toBe(true);
  await page.goto(`/teams/${board.teamId}/sprint?sprint=${sprintId}`);
  await expect(page.getByRole('heading', { name: 'Sprint report' })).toBeVisible();
  await settled(page);
  await expectNoSeriousViolations(page, 'the sprint report');

  await page.goto(`/teams/${teamId}/board`);
  await settled(page);
  await page.getByRole('button', { name: /^Notifications/ }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Notifications' }).getByText(/^Loading/)).toHaveCount(0);
  await expectNoSeriousViolations(page, 'the notifications inbox');
});
