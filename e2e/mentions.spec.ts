import { expect, test } from '@playwright/test';
import { freshBoard } from './support/board-fixtures';

// Mentions in a card's description: typing @ offers the card's readers, picked by keyboard, kept as a reference and
// shown by name; a mention that reaches no one (the person left the team before the save) is said after saving. In a
// retrospective note the same box offers the team's people, picked by mouse, and Enter saves once no list is open.

test('a description mentions a teammate picked by keyboard, and warns about one who can no longer read it', async ({
  page,
}) => {
  const board = await freshBoard(page, 'Mentions');
  const member = async (email: string) => {
    const res = await page.request.post(`/api/teams/${board.teamId}/members`, { data: { email, role: 'MEMBER' } });
    expect(res.status()).toBe(200);
    return (await res.json()).userId as string;
  };
  const lee = await member('lee@demo.test');
  const sam = await member('sam@demo.test');
  const card = await board.card('Spring webinar', 'To do');
  await page.goto(`/teams/${board.teamId}/board/cards/${card.id}`);
  const panel = page.getByRole('dialog', { name: 'Spring webinar' });

  await panel.getByRole('button', { name: 'Edit description' }).click();
  const box = panel.getByRole('combobox', { name: 'Description (Markdown)' });
  await box.pressSequentially('Slides by @Le');
  const people = panel.getByRole('listbox', { name: 'People to mention' });
  // The team's own people come before those who read every team (the admin).
  await expect(people.getByRole('option')).toHaveText(['Lee Chen', 'Alex Morgan']);
  const selected = people.getByRole('option', { selected: true });
  await expect(selected).toHaveText('Lee Chen');
  await box.press('ArrowDown');
  await expect(selected).toHaveText('Alex Morgan');
  await box.press('ArrowUp');
  await expect(selected).toHaveText('Lee Chen');
  await box.press('Enter');
  await expect(box).toHaveValue('Slides by @Lee Chen ');
  await expect(people.getByRole('option')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved the description.' })).toBeVisible();
  await expect(panel.getByTestId('description')).toHaveText('Slides by @Lee Chen');
  const stored = await (await page.request.get(`/api/cards/${card.id}`)).json();
  expect(stored.description).toBe(`Slides by @[${lee}] `);

  // Sam is picked, then leaves the team before the save: the card is saved and the writer hears Sam was not told.
  await panel.getByRole('button', { name: 'Edit description' }).click();
  await box.press('End');
  await box.pressSequentially('with @Sam');
  await expect(people.getByRole('option')).toHaveText(['Sam Rivera']);
  await box.press('Enter');
  await expect(box).toHaveValue('Slides by @Lee Chen with @Sam Rivera ');
  expect((await page.request.delete(`/api/teams/${board.teamId}/members/${sam}`)).status()).toBe(200);
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved the description.' })).toHaveText(
    'Saved the description. @Sam Rivera was not told: they cannot read this card.',
  );
  // Only readers are named: the card now shows Sam as someone.
  await expect(panel.getByTestId('description')).toHaveText('Slides by @Lee Chen with @someone');
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('a retrospective note mentions a teammate picked by mouse, and Enter saves once no list is open', async ({
  page,
}) => {
  const board = await freshBoard(page, 'Retro mentions');
  const added = await page.request.post(`/api/teams/${board.teamId}/members`, {
    data: { email: 'lee@demo.test', role: 'MEMBER' },
  });
  const lee = (await added.json()).userId as string;
  const created = await page.request.post('/api/sprints', {
    data: { teamId: board.teamId, name: 'Autumn sprint', startDate: day(-10), endDate: day(3) },
  });
  const sprintId = (await created.json()).id as string;
  expect((await page.request.post(`/api/sprints/${sprintId}/start`)).status()).toBe(200);
  expect((await page.request.put(`/api/sprints/${sprintId}/retrospective`, { data: { state: 'OPEN' } })).status()).toBe(
    200,
  );
  await page.goto(`/teams/${board.teamId}/sprints/${sprintId}/retrospective`);

  const box = page.getByRole('combobox', { name: 'New note: Went well' });
  await box.pressSequentially('Thanks @Le');
  const people = page.getByRole('listbox', { name: 'People to mention' }).filter({ has: page.getByRole('option') });
  await expect(people.getByRole('option')).toHaveText(['Lee Chen', 'Alex Morgan']);
  await people.getByRole('option', { name: 'Lee Chen' }).click();
  await expect(box).toHaveValue('Thanks @Lee Chen ');
  await box.pressSequentially('for the slides');
  await box.press('Enter');
  const wentWell = page.getByRole('region', { name: /^Went well/ });
  await expect(wentWell.getByRole('listitem').filter({ hasText: 'Thanks @Lee Chen for the slides' })).toBeVisible();
  await expect(box).toHaveValue('');
  const retro = await (await page.request.get(`/api/sprints/${sprintId}/retrospective`)).json();
  expect(retro.notes.map((n: { text: string }) => n.text)).toEqual([`Thanks @[${lee}] for the slides`]);
});
