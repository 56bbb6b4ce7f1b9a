import { expect, test, type Browser, type Page } from '@playwright/test';
import { freshBoard, signIn } from './support/board-fixtures';

// A sprint retrospective with two people in two browsers: the scrum master opens it with two votes each, both add
// notes and see each other's appear live, the member votes (two dots on one action, then no more), edits a note and
// deletes another by keyboard (the scrum master sees both, and gets the vote she had placed back), and the scrum
// master turns the action into a backlog card that says where it came from.

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function personIn(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  await signIn(context.request, email);
  return context.newPage();
}

test('two people run a retrospective live, vote, and the scrum master turns an action into a backlog card', async ({
  page,
  browser,
  baseURL,
}) => {
  const board = await freshBoard(page, 'Retro team');
  for (const [email, role] of [
    ['maya@demo.test', 'SCRUM_MASTER'],
    ['sam@demo.test', 'MEMBER'],
  ] as const) {
    expect((await page.request.post(`/api/teams/${board.teamId}/members`, { data: { email, role } })).status()).toBe(
      200,
    );
  }
  const created = await page.request.post('/api/sprints', {
    data: { teamId: board.teamId, name: 'Spring launch sprint', startDate: day(-10), endDate: day(3) },
  });
  expect(created.status()).toBe(201);
  const sprintId = (await created.json()).id as string;
  expect((await page.request.post(`/api/sprints/${sprintId}/start`)).status()).toBe(200);

  const maya = await personIn(browser, baseURL!, 'maya@demo.test');
  const sam = await personIn(browser, baseURL!, 'sam@demo.test');

  // The scrum master finds the retrospective from the sprint page and opens it with two votes each.
  await maya.goto(`/teams/${board.teamId}/sprint`);
  await maya.getByRole('link', { name: 'Retrospective' }).click();
  await expect(maya.getByRole('heading', { name: /^Retrospective: Spring launch sprint/ })).toBeVisible();
  await maya.getByLabel('Votes per person').fill('2');
  await maya.getByRole('button', { name: 'Open the retrospective' }).click();
  await expect(maya.getByText('You have 2 of 2 votes left')).toBeVisible();

  await sam.goto(`/teams/${board.teamId}/sprints/${sprintId}/retrospective`);
  await expect(sam.getByText('You have 2 of 2 votes left')).toBeVisible();
  // No facilitation for a member.
  await expect(sam.getByRole('button', { name: 'Close the retrospective' })).toHaveCount(0);

  const group = (p: Page, name: string) => p.getByRole('region', { name: new RegExp(`^${name}`) });
  const noteIn = (p: Page, name: string, text: string) =>
    group(p, name).getByRole('listitem').filter({ hasText: text });

  // Sam adds a note; Maya sees it without reloading.
  await sam.getByLabel('New note: To improve').fill('Legal review came two days before launch');
  await sam.getByLabel('New note: To improve').press('Enter');
  await expect(noteIn(sam, 'To improve', 'Legal review came two days before launch')).toBeVisible();
  await expect(noteIn(maya, 'To improve', 'Legal review came two days before launch')).toBeVisible();

  // An empty note is refused where it was typed.
  await sam.getByRole('button', { name: 'Add to Went well' }).click();
  await expect(group(sam, 'Went well')).toContainText('The note is required');

  // Maya adds an action; Sam sees it live.
  await maya.getByLabel('New note: Actions').fill('Book the legal review a week before launch');
  await maya.getByRole('button', { name: 'Add to Actions' }).click();
  const action = 'Book the legal review a week before launch';
  await expect(noteIn(sam, 'Actions', action)).toBeVisible();

  // Sam puts both dots on the action; then there are none left.
  await noteIn(sam, 'Actions', action)
    .getByRole('button', { name: /^Vote for/ })
    .click();
  await expect(noteIn(sam, 'Actions', action)).toContainText('1 vote · 1 yours');
  await noteIn(sam, 'Actions', action)
    .getByRole('button', { name: /^Vote for/ })
    .click();
  await expect(noteIn(sam, 'Actions', action)).toContainText('2 votes · 2 yours');
  await expect(sam.getByText('You have 0 of 2 votes left')).toBeVisible();
  await expect(
    noteIn(sam, 'To improve', 'Legal review came').getByRole('button', { name: /^Vote for/ }),
  ).toBeDisabled();
  // Maya sees the votes arrive, and the notes sorted by them.
  await expect(noteIn(maya, 'Actions', action)).toContainText('2 votes');
  await noteIn(maya, 'To improve', 'Legal review came')
    .getByRole('button', { name: /^Vote for/ })
    .click();
  await expect(noteIn(sam, 'To improve', 'Legal review came')).toContainText('1 vote');

  // Sam rewords his note from the keyboard; Maya sees the new text, marked as edited, without reloading.
  const legal = noteIn(sam, 'To improve', 'Legal review came');
  await legal.getByRole('button', { name: /^Edit/ }).focus();
  await sam.keyboard.press('Enter');
  await expect(sam.getByLabel('Note text')).toBeFocused();
  await sam.getByLabel('Note text').fill('Legal review came two days before launch; book it a week ahead');
  await sam.keyboard.press('Enter');
  await expect(legal).toContainText('book it a week ahead');
  await expect(legal.getByRole('button', { name: /^Edit/ })).toBeFocused();
  await expect(noteIn(maya, 'To improve', 'book it a week ahead')).toContainText('edited');
  // Her vote stayed on it.
  await expect(noteIn(maya, 'To improve', 'book it a week ahead')).toContainText('1 vote · 1 yours');
  // Sam changes only his own notes; Maya, the scrum master, may change any.
  await expect(noteIn(sam, 'Actions', action).getByRole('button', { name: /^(Edit|Delete)/ })).toHaveCount(0);
  await expect(noteIn(maya, 'To improve', 'book it a week ahead').getByRole('button', { name: /^Edit/ })).toBeVisible();

  // A note in the wrong place: Maya puts her last vote on it, then Sam deletes it, confirming first.
  await sam.getByLabel('New note: Went well').fill('Legal was late again');
  await sam.getByLabel('New note: Went well').press('Enter');
  await noteIn(maya, 'Went well', 'Legal was late again')
    .getByRole('button', { name: /^Vote for/ })
    .click();
  await expect(maya.getByText('You have 0 of 2 votes left')).toBeVisible();
  const wrong = noteIn(sam, 'Went well', 'Legal was late again');
  await expect(wrong).toContainText('1 vote');
  await wrong.getByRole('button', { name: /^Delete/ }).focus();
  await sam.keyboard.press('Enter');
  const confirm = sam.getByRole('dialog', { name: 'Delete this note?' });
  await expect(confirm).toContainText('Its 1 vote goes back to the person who placed it.');
  // Escape says no: the note stays, and focus is back where it was.
  await sam.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(wrong.getByRole('button', { name: /^Delete/ })).toBeFocused();
  await sam.keyboard.press('Enter');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await sam.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Delete note' })).toBeFocused();
  await sam.keyboard.press('Enter');
  await expect(wrong).toHaveCount(0);
  // The group is empty now: focus is on its heading, and the page says what happened.
  await expect(group(sam, 'Went well').getByRole('heading', { name: /^Went well/ })).toBeFocused();
  await expect(group(sam, 'Went well').getByRole('status')).toHaveText(
    'Note deleted. Its vote went back to the person who placed it.',
  );
  // Maya sees it go, and has her vote back.
  await expect(noteIn(maya, 'Went well', 'Legal was late again')).toHaveCount(0);
  await expect(maya.getByText('You have 1 of 2 votes left')).toBeVisible();

  // Sam starts rewording a note that Maya deletes meanwhile: his form goes, and the page says why.
  await noteIn(sam, 'To improve', 'book it a week ahead').getByRole('button', { name: /^Edit/ }).click();
  await expect(sam.getByLabel('Note text')).toBeFocused();
  await noteIn(maya, 'To improve', 'book it a week ahead')
    .getByRole('button', { name: /^Delete/ })
    .click();
  await maya.getByRole('dialog', { name: 'Delete this note?' }).getByRole('button', { name: 'Delete note' }).click();
  await expect(sam.getByLabel('Note text')).toHaveCount(0);
  await expect(group(sam, 'To improve').getByRole('status')).toContainText(
    'was deleted by someone else while you were editing it; your changes were not saved.',
  );

  // The scrum master turns the action into a backlog card in one step.
  await noteIn(maya, 'Actions', action)
    .getByRole('button', { name: /^Make a backlog card/ })
    .click();
  const cardLink = noteIn(maya, 'Actions', action).getByRole('link', { name: action });
  await expect(cardLink).toBeVisible();
  await expect(noteIn(maya, 'Actions', action)).toContainText('not done yet');
  await expect(noteIn(sam, 'Actions', action).getByRole('link', { name: action })).toBeVisible();
  await expect(sam.getByRole('button', { name: /^Make a backlog card/ })).toHaveCount(0);

  // The card is on the board's backlog and says where it came from.
  await cardLink.click();
  const panel = maya.getByRole('dialog', { name: action });
  await expect(panel).toBeVisible();
  await expect(
    panel.getByRole('link', { name: 'an action in the retrospective of Spring launch sprint' }),
  ).toBeVisible();
  await expect(
    maya.getByRole('region', { name: 'Backlog', exact: true }).getByRole('button', { name: action, exact: true }),
  ).toBeVisible();

  // Closed, it stays readable and takes no more notes.
  await panel.getByRole('link', { name: /^an action in the retrospective/ }).click();
  await maya.getByRole('button', { name: 'Close the retrospective' }).click();
  await expect(maya.getByRole('heading', { name: /Closed$/ })).toBeVisible();
  await expect(sam.getByLabel('New note: To improve')).toHaveCount(0);
  await expect(noteIn(sam, 'Actions', action)).toContainText('2 votes');
});
