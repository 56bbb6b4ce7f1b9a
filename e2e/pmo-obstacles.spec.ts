import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { freshBoard, signIn, type BoardFixture } from './support/board-fixtures';

const filters = (page: Page) => page.getByRole('group', { name: 'Filter the obstacles' });
const teamList = (page: Page) => page.getByRole('group', { name: 'Choose teams' });

/** Opens the team choice, finds each team by its (unique) name and ticks it, then closes the list. */
async function chooseTeams(page: Page, names: string[]) {
  await filters(page)
    .getByRole('button', { name: /^Teams/ })
    .click();
  for (const name of names) {
    await teamList(page).getByRole('searchbox', { name: 'Find a team' }).fill(name);
    await teamList(page).getByRole('checkbox', { name, exact: true }).check();
  }
  await page.keyboard.press('Escape');
  await expect(teamList(page)).toBeHidden();
}

// The PMO works the obstacles across teams: opens the list from the portfolio, sorts it by age, opens an escalated
// card and takes it on with a note, which the team then reads on the card and at the stand-up.

test('a PMO sorts the obstacle list, takes on an escalated card with a note, and the team reads it', async ({
  page,
}) => {
  const board = await freshBoard(page, 'Obstacle team');
  const added = await page.request.post(`/api/teams/${board.teamId}/members`, {
    data: { email: 'sam@demo.test', role: 'MEMBER' },
  });
  expect(added.status()).toBe(200);
  const copy = await board.card('Claims for the spring mailing', 'In progress');
  const banner = await board.card('Banner set for the fair', 'In progress');

  // Sam raises both obstacles, the legal one first, and escalates it to the PMO.
  await signIn(page.request, 'sam@demo.test');
  const block = (card: { id: string; version: number }, blockedReason: string, blockerCategory: string) =>
    page.request.patch(`/api/cards/${card.id}`, {
      data: { version: card.version, blocked: true, blockedReason, blockerCategory },
    });
  expect((await block(copy, 'Legal has not approved the health claims', 'legal_compliance')).status()).toBe(200);
  expect((await block(banner, 'Printer has not confirmed the format', 'vendor')).status()).toBe(200);
  expect((await page.request.put(`/api/cards/${copy.id}/escalation`, { data: { escalated: true } })).status()).toBe(
    200,
  );

  // The PMO opens the obstacle list from the portfolio and narrows it to the team.
  await signIn(page.request, 'pat@demo.test');
  await page.goto('/dashboard');
  await page.getByRole('navigation', { name: 'Across teams' }).getByRole('link', { name: 'Obstacles' }).click();
  await expect(page.getByRole('heading', { name: 'Obstacles across teams' })).toBeVisible();
  await chooseTeams(page, [(await (await page.request.get(`/api/teams/${board.teamId}`)).json()).name]);
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
  const seen = page
    .getByRole('dialog', { name: 'Claims for the spring mailing' })
    .getByRole('region', { name: /^PMO:/ });
  await expect(seen).toHaveAccessibleName('PMO: Being handled by the PMO');
  await expect(seen).toContainText('Handled by Pat Okafor');
  await expect(seen).toContainText('Meeting legal on Tuesday; you hear from me by Wednesday noon');
  await expect(seen.getByLabel('Note for the team')).toHaveCount(0);
  await page.goto(`/teams/${board.teamId}/standup`);
  const item = page
    .getByRole('region', { name: /^Blocked/ })
    .getByRole('listitem')
    .filter({ hasText: 'Claims for the spring mailing' });
  await expect(item).toContainText('being handled by Pat Okafor');
  await expect(item).toContainText('PMO: “Meeting legal on Tuesday; you hear from me by Wednesday noon”');
});

test('a PMO chooses two teams for the obstacle list, keeps them after a reload and in the CSV, and clears the choice', async ({
  page,
}) => {
  // Three teams of their own, each with one obstacle; the PMO wants the first two.
  const boards: BoardFixture[] = [];
  const cards: string[] = [];
  for (const [team, title] of [
    ['Choice north', 'North poster awaits the printer'],
    ['Choice south', 'South mailing awaits legal'],
    ['Choice west', 'West webinar awaits a speaker'],
  ] as const) {
    const board = await freshBoard(page, team);
    const card = await board.card(title, 'In progress');
    expect(
      (
        await page.request.patch(`/api/cards/${card.id}`, {
          data: { version: card.version, blocked: true, blockedReason: 'Waiting on others', blockerCategory: 'vendor' },
        })
      ).status(),
    ).toBe(200);
    boards.push(board);
    cards.push(title);
  }
  const quiet = await freshBoard(page, 'Choice quiet');
  const teams = (await (await page.request.get('/api/teams')).json()).teams as { id: string; name: string }[];
  const name = (b: BoardFixture) => teams.find((t) => t.id === b.teamId)!.name;

  await signIn(page.request, 'pat@demo.test');
  await page.goto('/pmo/obstacles');
  const table = page.getByRole('table', { name: /blocked cards? now/ });
  await expect(table.getByRole('rowheader', { name: cards[2], exact: true })).toBeVisible();

  await chooseTeams(page, [name(boards[0]!), name(boards[1]!)]);
  await expect(filters(page).getByRole('button', { name: /^Teams/ })).toHaveAccessibleName(
    new RegExp(`^Teams: 2 of \\d+`),
  );
  await expect(page).toHaveURL(new RegExp(`teams=${boards[0]!.teamId}(%2C|,)${boards[1]!.teamId}`));
  const expected = [cards[0], cards[1]].sort();
  const listed = async () => (await table.getByRole('rowheader').allTextContents()).sort();
  await expect.poll(listed).toEqual(expected);
  // The period sections say whose obstacles they count.
  await expect(page.getByRole('heading', { name: /^Blocked time by category, .*, 2 chosen teams$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Time to clear an obstacle, .*, 2 chosen teams$/ })).toBeVisible();

  // The choice is in the URL: a reload opens the same two teams, ticked when the list is opened again.
  await page.reload();
  await expect.poll(listed).toEqual(expected);
  await filters(page)
    .getByRole('button', { name: /^Teams/ })
    .click();
  await expect(teamList(page).getByRole('checkbox', { name: name(boards[0]!), exact: true })).toBeChecked();
  await expect(teamList(page).getByRole('checkbox', { name: name(boards[1]!), exact: true })).toBeChecked();
  await expect(teamList(page).getByRole('checkbox', { name: name(boards[2]!), exact: true })).not.toBeChecked();
  await page.keyboard.press('Escape');
  await expect(filters(page).getByRole('button', { name: /^Teams/ })).toBeFocused();

  // The CSV holds the chosen teams' obstacles and nothing else.
  const download = page.waitForEvent('download');
  await filters(page).getByRole('button', { name: 'Export CSV of the obstacles' }).click();
  const csv = (await readFile((await (await download).path())!, 'utf8')).trim().split('\r\n');
  expect(csv[0]).toMatch(/^Team,Card,/);
  expect(
    csv
      .slice(1)
      .map((line) => line.split(',')[1])
      .sort(),
  ).toEqual(expected);
  expect(
    csv
      .slice(1)
      .map((line) => line.split(',')[0])
      .sort(),
  ).toEqual([name(boards[0]!), name(boards[1]!)].sort());

  // The Excel workbook holds the same rows, with the age a number and the blocked-since time a date.
  const xlsxDownload = page.waitForEvent('download');
  await filters(page).getByRole('button', { name: 'Export Excel of the obstacles' }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await readFile((await (await xlsxDownload).path())!)).buffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(0, 2)).toEqual(['Team', 'Card']);
  const body = sheet.getRows(2, sheet.rowCount - 1)!;
  expect(body.map((r) => String(r.getCell(2).value)).sort()).toEqual(expected);
  expect(typeof body[0]!.getCell(header.indexOf('Age (days)') + 1).value).toBe('number');
  expect(body[0]!.getCell(header.indexOf('Blocked since') + 1).value).toBeInstanceOf(Date);

  // Clearing goes back to every team.
  await filters(page)
    .getByRole('button', { name: /^Teams/ })
    .click();
  await teamList(page).getByRole('button', { name: 'Clear the team choice' }).click();
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/teams=/);
  await expect(filters(page).getByRole('button', { name: /^Teams/ })).toHaveAccessibleName(/^Teams: All teams/);
  await expect(table.getByRole('rowheader', { name: cards[2], exact: true })).toBeVisible();

  // A team with nothing blocked: the list says so and offers to clear the choice.
  await chooseTeams(page, [name(quiet)]);
  const empty = page.getByText('No blocked card in the chosen team.');
  await expect(empty).toBeVisible();
  await page.getByRole('button', { name: 'Clear the team choice', exact: true }).click();
  await expect(page).not.toHaveURL(/teams=/);
  await expect(table.getByRole('rowheader', { name: cards[2], exact: true })).toBeVisible();
});
