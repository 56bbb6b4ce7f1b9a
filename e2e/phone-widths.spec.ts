import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/board-fixtures';
import { demoTeam, settled, pmoPages } from './support/pages';

// Every page on a phone (390×844): the page itself never scrolls sideways (a wide table scrolls inside its own
// box), and an open dialog lies wholly inside the screen (it scrolls inside itself). Each test reads only.

test.use({ viewport: { width: 390, height: 844 } });

/** Fails, softly so that one run lists every page, when the page is wider than the screen. */
async function fitsTheScreen(page: Page, what: string) {
  const width = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number } } }).document.scrollingElement
        .scrollWidth,
  );
  expect.soft(width, `${what} is ${width} px wide on a 390 px phone`).toBeLessThanOrEqual(390);
}

/** Fails, softly, when the open dialog reaches past any edge of the screen. */
async function dialogFits(page: Page, what: string) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  const past = [
    box.x < 0 && `left by ${-box.x} px`,
    box.y < 0 && `top by ${-box.y} px`,
    box.x + box.width > 390.5 && `right by ${box.x + box.width - 390} px`,
    box.y + box.height > 844.5 && `bottom by ${box.y + box.height - 844} px`,
  ].filter(Boolean);
  expect.soft(past, `${what} reaches past the screen`).toEqual([]);
}

test('a scrum master’s pages and dialogs fit a phone', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await fitsTheScreen(page, 'the sign-in page');

  await signIn(page.request, 'maya@demo.test');
  const { teamId, closed } = await demoTeam(page.request, 'Content Marketing');
  for (const [path, what] of [
    [`/teams/${teamId}/board`, 'the board'],
    [`/teams/${teamId}/sprint`, 'the sprint page'],
    [`/teams/${teamId}/sprint?sprint=${closed!.id}`, 'a closed sprint'],
    [`/teams/${teamId}/planning`, 'sprint planning'],
    [`/teams/${teamId}/standup`, 'the stand-up'],
    [`/teams/${teamId}/calendar`, 'the team calendar (agenda)'],
    [`/teams/${teamId}/calendar?view=month`, 'the team calendar (month)'],
    ['/calendar', 'my calendar'],
    [`/teams/${teamId}/sprints/${closed!.id}/retrospective`, 'the retrospective'],
    ['/account', 'the account page'],
    ['/account/notifications', 'the notification settings'],
    [`/teams/${teamId}/members`, 'the team’s members'],
    ['/nowhere', 'the not-found page'],
  ] as const) {
    await page.goto(path);
    await settled(page);
    await fitsTheScreen(page, what);
  }

  await page.goto(`/teams/${teamId}/board`);
  await settled(page);
  await page.locator('.board-card').first().click();
  await dialogFits(page, 'the card panel');
  await fitsTheScreen(page, 'the board with a card open');

  await page.goto(`/teams/${teamId}/board/columns`);
  await dialogFits(page, 'the columns dialog');

  await page.goto(`/teams/${teamId}/board/archived`);
  await dialogFits(page, 'the archived cards');

  await page.goto(`/teams/${teamId}/sprint`);
  await settled(page);
  await page.getByRole('button', { name: 'Close sprint…' }).click();
  await dialogFits(page, 'the close-sprint dialog');
  await fitsTheScreen(page, 'the sprint page with the close-sprint dialog');
  // The last control of the dialog can be reached and seen.
  const close = page.getByRole('dialog').getByRole('button', { name: 'Close sprint', exact: true });
  await close.scrollIntoViewIfNeeded();
  await expect(close).toBeInViewport();

  await page.goto(`/teams/${teamId}/planning`);
  await settled(page);
  await page.getByRole('button', { name: 'New sprint' }).click();
  await dialogFits(page, 'the new-sprint dialog');
});

test('the PMO’s pages fit a phone', async ({ page }) => {
  await signIn(page.request, 'pat@demo.test');
  const { teamId } = await demoTeam(page.request, 'Content Marketing');
  for (const [path, what] of pmoPages(teamId)) {
    await page.goto(path);
    await settled(page);
    await fitsTheScreen(page, what);
  }
});

test('the admin’s pages, import and webhooks fit a phone', async ({ page }) => {
  await signIn(page.request, 'alex@demo.test');
  const { teamId } = await demoTeam(page.request, 'Content Marketing');
  for (const [path, what] of [
    ['/admin/teams', 'the admin’s teams'],
    ['/admin/people', 'the admin’s people'],
    ['/admin/sign-up', 'the sign-up settings'],
    ['/admin/audit', 'the audit log'],
    [`/admin/teams/${teamId}`, 'a team’s members'],
    [`/teams/${teamId}/webhooks`, 'webhooks'],
    [`/teams/${teamId}/import`, 'the import page'],
  ] as const) {
    await page.goto(path);
    await settled(page);
    await fitsTheScreen(page, what);
  }
  const csv = `title,column,owners,estimate\nOutsider's card,Backlog,someone@elsewhere.test,\nBad one,Backlog,,lots\n`;
  await page.getByLabel('CSV file').check();
  await page
    .getByLabel('File to import', { exact: true })
    .setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('region', { name: 'Preview of the first rows' })).toBeVisible();
  await fitsTheScreen(page, 'the import preview');
  // A workbook's preview adds the choice of sheet.
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('A sheet with a long name').addRow(['Notes']);
  const plan = workbook.addWorksheet('Plan');
  plan.addRow(['title', 'column', 'due date']);
  plan.addRow(['Spring webinar with a rather long title', 'Backlog', new Date(Date.UTC(2026, 11, 15))]);
  await page.getByLabel('Excel workbook (.xlsx)').check();
  await page.getByLabel('File to import', { exact: true }).setInputFiles({
    name: 'plan.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  });
  await page.getByLabel('Sheet', { exact: true }).selectOption('Plan');
  await expect(page.getByRole('row', { name: /Spring webinar/ })).toBeVisible();
  await fitsTheScreen(page, 'the workbook import preview');

  await page.getByRole('button', { name: /^Notifications/ }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toBeVisible();
  await fitsTheScreen(page, 'the notifications inbox');
});
