import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { parseCsv } from '@amb/shared/csv';
import { cardIn, column, dragWithMouse, freshBoard, signIn } from './support/board-fixtures';

const fixtures = path.join(import.meta.dirname, '../apps/api/test/fixtures');

test('import a Trello export with each list’s flow confirmed, follow it to its report, then export the board as CSV', async ({
  page,
}) => {
  const board = await freshBoard(page, 'Import');
  await page.goto(`/teams/${board.teamId}/board`);
  await page.getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: /Import cards into Import/ })).toBeVisible();

  await page.getByLabel('Trello board (JSON export)').check();
  await page.getByLabel('File to import', { exact: true }).setInputFiles(path.join(fixtures, 'trello-board.json'));
  // The importer suggests each list's flow; the person confirms or changes it.
  await expect(page.getByLabel('Flow category of Writing')).toHaveValue('IN_PROGRESS');
  await expect(page.getByLabel('Flow category of Published')).toHaveValue('DONE');
  await page.getByLabel('Flow category of Old stuff').selectOption('DONE');
  await page.getByRole('button', { name: 'Start import' }).click();

  await expect(page.getByRole('heading', { name: 'Import report' })).toBeVisible();
  await expect(page.getByText('Imported 7 cards; skipped 0.')).toBeVisible();
  await expect(page.getByText('7 of 7 cards processed')).toBeVisible();
  await page.getByRole('link', { name: 'Open the board' }).click();
  await expect(cardIn(page, 'Writing', 'Draft the launch email')).toBeVisible();
  await expect(cardIn(page, 'Ideas', 'Brainstorm webinar topics')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const at = (name: string) => header!.values.indexOf(name);
  const exported = rows
    .map(
      (r) =>
        `${r.values[at('title')]} | ${r.values[at('column')]} | ${r.values[at('archived at')] ? 'archived' : 'open'}`,
    )
    .sort();
  expect(exported).toEqual(
    [
      'Brainstorm webinar topics | Ideas | open',
      'Draft the launch email | Writing | open',
      'Old newsletter | Old stuff | archived',
      'Pick a podcast guest | Ideas | open',
      'Press release | Published | open',
      'Retired banner idea | Ideas | archived',
      'Schedule social posts | Up next | open',
    ].sort(),
  );
  const launch = rows.find((r) => r.values[at('title')] === 'Draft the launch email')!;
  expect(launch.values[at('labels')]).toBe('Email');
  expect(launch.values[at('checklist items')]).toBe('2');
});

test('map a CSV’s headers, see the rows with errors in the preview, import, and read what was skipped', async ({
  page,
}) => {
  const board = await freshBoard(page, 'Csv');
  await page.goto(`/teams/${board.teamId}/import`);
  await page.getByLabel('CSV file').check();
  await page.getByLabel('File to import', { exact: true }).setInputFiles(path.join(fixtures, 'awkward.csv'));
  await expect(page.getByLabel('Field for header title')).toHaveValue('title');
  await page.getByLabel('Field for header due date').selectOption('dueDate');
  await expect(page.getByRole('status').filter({ hasText: 'cards will be imported' })).toHaveText(
    '3 cards will be imported; 2 rows have errors and will be skipped; 2 rows go in with changes (see the warnings).',
  );
  await expect(page.getByRole('row', { name: /Bad estimate/ })).toContainText(
    'estimate: "lots" is not a number of points from 0 to 1000',
  );
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByText('Imported 3 cards; skipped 2.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Skipped' })).toContainText(
    'column: the board has no column named "Somewhere"',
  );
});

test('the CSV preview warns of owners not on the team and long titles, and the report lists the changes and gives the skipped rows as CSV', async ({
  page,
}) => {
  const board = await freshBoard(page, 'Csv warnings');
  expect(
    (
      await page.request.post(`/api/teams/${board.teamId}/members`, {
        data: { email: 'sam@demo.test', role: 'MEMBER' },
      })
    ).ok(),
  ).toBe(true);
  const long = `${'A launch plan for every channel we run this quarter '.repeat(5)}and more`;
  const csv = `title,column,owners,estimate\n"${long}",To do,,\nOutsider's card,To do,someone@elsewhere.test,\nOn the team,To do,sam@demo.test,\nBad one,To do,,lots\n`;
  await page.goto(`/teams/${board.teamId}/import`);
  await page.getByLabel('CSV file').check();
  await page
    .getByLabel('File to import', { exact: true })
    .setInputFiles({ name: 'warnings.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  // Before importing: what will happen to each row, where the row is.
  await expect(page.getByRole('row', { name: /Outsider's card/ })).toContainText(
    '⚠ Imported, but owner someone@elsewhere.test is not on the team: kept as text in the description, not made an owner',
  );
  await expect(page.getByRole('row', { name: /A launch plan/ })).toContainText(
    'the title is longer than 200 characters',
  );
  await expect(page.getByRole('row', { name: /On the team/ })).toContainText('OK');
  await expect(page.getByRole('row', { name: /Bad one/ })).toContainText(
    '⚠ Skipped: estimate: "lots" is not a number of points from 0 to 1000',
  );
  // The preview's table scrolls inside its own box, and a keyboard reaches it to scroll it.
  const region = page.getByRole('region', { name: 'Preview of the first rows' });
  await page.getByLabel('Field for header estimate').focus();
  for (let i = 0; i < 10 && !(await region.and(page.locator(':focus')).count()); i++) await page.keyboard.press('Tab');
  await expect(region).toBeFocused();

  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByText('Imported 3 cards; skipped 1.')).toBeVisible();
  const changes = page.getByRole('table', { name: 'Imported with changes' });
  await expect(changes).toContainText(
    'not made owners, as they are not on the team (kept as text in the description): someone@elsewhere.test',
  );
  await expect(changes).toContainText('kept whole at the top of its description');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the skipped rows (CSV)' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('warnings-skipped.csv');
  const bytes = readFileSync(await saved.path());
  // A byte-order mark, so that Excel in any locale reads the file as UTF-8.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(bytes.toString('utf8'));
  expect(header!.values).toEqual(['title', 'column', 'owners', 'estimate', 'Why it was skipped']);
  expect(rows.map((r) => r.values)).toEqual([
    ['Bad one', 'To do', '', 'lots', 'row 5: estimate: "lots" is not a number of points from 0 to 1000'],
  ]);
});

test('a plan saved from Excel in a German locale: the preview names its encoding, delimiter and date format, and flags a date it cannot read', async ({
  page,
}) => {
  const board = await freshBoard(page, 'Excel plan');
  const csv = Buffer.from(
    'Titel;Spalte;Schätzung;Fällig\r\nMärz-Kampagne;To do;2,5;15.12.2026\r\nMesse;To do;1;12/31/2026\r\n',
    'latin1',
  );
  await page.goto(`/teams/${board.teamId}/import`);
  await page.getByLabel('CSV file').check();
  await page
    .getByLabel('File to import', { exact: true })
    .setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: csv });
  await expect(page.getByText('Windows-1252 (Western European)')).toBeVisible();
  await expect(page.getByLabel('Fields separated by')).toHaveValue(';');
  await page.getByLabel('Field for header Titel').selectOption('title');
  await page.getByLabel('Field for header Spalte').selectOption('column');
  await page.getByLabel('Field for header Schätzung').selectOption('estimate');
  await page.getByLabel('Field for header Fällig').selectOption('dueDate');
  await expect(page.getByLabel('Due dates written')).toHaveValue('DD.MM.YYYY');
  await expect(page.getByRole('row', { name: /März-Kampagne/ })).toContainText(
    '⚠ Imported, but estimate "2,5" is rounded up to 3 points (estimates are whole points)',
  );
  await expect(page.getByRole('row', { name: /Messe/ })).toContainText(
    '⚠ Skipped: due date: "12/31/2026" is not a date in the DD.MM.YYYY format',
  );
  // Read by comma instead, the file is one column, which holds no title.
  await page.getByLabel('Fields separated by').selectOption(',');
  await expect(page.getByRole('status').filter({ hasText: 'cards will be imported' })).toHaveText(
    '0 cards will be imported; 2 rows have errors and will be skipped.',
  );
  await expect(page.getByRole('row', { name: /Messe/ })).toContainText('no column is mapped to the card title');
  await expect(page.getByRole('button', { name: 'Start import' })).toBeDisabled();
  await page.getByLabel('Fields separated by').selectOption(';');
  await page.getByLabel('Field for header Titel').selectOption('title');
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByText('Imported 2 cards; skipped 0.')).toBeVisible();
});

test('a bad file is refused with the line at fault, before anything is imported', async ({ page }) => {
  const board = await freshBoard(page, 'Broken');
  await page.goto(`/teams/${board.teamId}/import`);
  await page.getByLabel('CSV file').check();
  await page.getByLabel('File to import', { exact: true }).setInputFiles(path.join(fixtures, 'broken-quote.csv'));
  await expect(page.getByRole('alert')).toHaveText(
    'This file cannot be imported: Line 3: a quoted value is never closed',
  );
  await expect(page.getByRole('button', { name: 'Start import' })).toHaveCount(0);
});

test('a person at their hard WIP limit cannot take another card', async ({ page }) => {
  const board = await freshBoard(page, 'Person limit');
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const email = `wip-${unique}@e2e.test`;
  // The admin invites a new person into the team (accounts are made by invitation), they accept, and the admin
  // gives them two cards: one in progress, one to do.
  const invited = await page.request.post(`/api/teams/${board.teamId}/invitations`, {
    data: { email, role: 'MEMBER' },
  });
  expect(invited.status()).toBe(201);
  const token = new URL((await invited.json()).link as string).pathname.split('/').pop()!;
  await page.request.post('/api/auth/sign-out');
  expect(
    (
      await page.request.post('/api/invitations/accept', {
        data: { token, name: 'Pia Person', password: 'demo-password-1' },
      })
    ).status(),
  ).toBe(200);
  await signIn(page.request, 'alex@demo.test');
  const person = (await (await page.request.get(`/api/teams/${board.teamId}/members`)).json()).members.find(
    (m: { email: string }) => m.email === email,
  );
  for (const [title, columnName] of [
    ['Write the case study', 'In progress'],
    ['Record the podcast', 'To do'],
  ] as const) {
    const card = await board.card(title, columnName);
    expect(
      (
        await page.request.patch(`/api/cards/${card.id}`, {
          data: { version: card.version, ownerIds: [person.userId] },
        })
      ).status(),
    ).toBe(200);
  }

  await signIn(page.request, email);
  await page.goto(`/teams/${board.teamId}/board`);
  await page.getByRole('button', { name: 'Set my WIP limit' }).click();
  await page.getByRole('form', { name: 'My WIP limit' }).getByLabel('Most cards in progress').fill('1');
  await page.getByLabel('Policy').selectOption('HARD');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('list', { name: 'Work in progress per person' })).toContainText('Pia 1/1');
  await expect(page.getByLabel('1 of 1 in progress (at limit)').first()).toBeVisible();

  await dragWithMouse(page, cardIn(page, 'To do', 'Record the podcast'), column(page, 'In progress'));
  await expect(page.getByRole('alert')).toContainText(
    'Pia Person is at their hard WIP limit of 1 (they own 1 card in progress)',
  );
  await expect(cardIn(page, 'To do', 'Record the podcast')).toBeVisible();
});

test('an Excel workbook: choose its sheet, see typed cells and a bad row in the preview, import, then export the board as Excel', async ({
  page,
}) => {
  const board = await freshBoard(page, 'Workbook');
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Read me').addRow(['The plan is on the next sheet']);
  const plan = workbook.addWorksheet('Plan');
  plan.addRow(['Title', 'Status', 'Points', 'Due']);
  plan.addRow(['Spring webinar', 'To do', 2, new Date(Date.UTC(2026, 11, 15))]);
  plan.addRow(['Press kit', 'To do', { formula: '2*0.75', result: 1.5 }, '2026-12-20']);
  plan.addRow(['Broken row', 'To do', 'lots', { error: '#REF!' }]);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

  await page.goto(`/teams/${board.teamId}/import`);
  await page.getByLabel('Excel workbook (.xlsx)').check();
  await page.getByLabel('File to import', { exact: true }).setInputFiles({
    name: 'plan.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  // The first sheet has no title column; the person picks the sheet that holds the plan.
  await expect(page.getByLabel('Sheet', { exact: true })).toHaveValue('Read me');
  await page.getByLabel('Sheet', { exact: true }).selectOption('Plan');
  await expect(page.getByLabel('Field for header Title')).toHaveValue('title');
  await expect(page.getByLabel('Field for header Due')).toHaveValue('dueDate');
  await expect(page.getByRole('status').filter({ hasText: 'cards will be imported' })).toHaveText(
    '2 cards will be imported; 1 row has errors and will be skipped; 1 row goes in with changes (see the warnings).',
  );
  await expect(page.getByRole('row', { name: /Spring webinar/ })).toContainText('2026-12-15');
  await expect(page.getByRole('row', { name: /Press kit/ })).toContainText('estimate "1.5" is rounded up to 2 points');
  await expect(page.getByRole('row', { name: /Broken row/ })).toContainText(
    '⚠ Skipped: estimate: "lots" is not a number of points from 0 to 1000; due date: cell D4 holds the error #REF!',
  );
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByText('Imported 2 cards; skipped 1.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Skipped' })).toContainText('row 4');

  await page.getByRole('link', { name: 'Open the board' }).click();
  await expect(cardIn(page, 'To do', 'Press kit')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export Excel' }).click();
  const exported = new ExcelJS.Workbook();
  await exported.xlsx.load(new Uint8Array(readFileSync(await (await download).path())).buffer);
  const sheet = exported.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const spring = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).value === 'Spring webinar')!;
  expect(spring.getCell(header.indexOf('estimate') + 1).value).toBe(2);
  expect(spring.getCell(header.indexOf('due date') + 1).value).toEqual(new Date('2026-12-15T00:00:00Z'));
});
