import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { dragWithMouse, freshBoard, signIn } from './support/board-fixtures';
import { settled } from './support/pages';

// The team calendar: a scrum master moves cards between days with the mouse and the keyboard, undoes a move, and on a
// phone reads the agenda. March 2027 starts on a Monday, so its weeks are easy to reason about.

const day = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const chip = (page: Page, dayName: string, title: string) =>
  day(page, dayName).getByRole('button', { name: new RegExp(`^${title},`) });

async function calendarTeam(page: Page) {
  const board = await freshBoard(page, 'Calendar');
  const added = await page.request.post(`/api/teams/${board.teamId}/members`, {
    data: { email: 'maya@demo.test', role: 'SCRUM_MASTER' },
  });
  expect(added.status()).toBe(200);
  const dated = async (title: string, dates: { startDate?: string; dueDate: string }) => {
    const card = await board.card(title, 'To do');
    const res = await page.request.patch(`/api/cards/${card.id}`, { data: { version: card.version, ...dates } });
    expect(res.status()).toBe(200);
    return card.id;
  };
  const webinar = await dated('Launch webinar', { dueDate: '2027-03-10' });
  const fair = await dated('Trade fair', { startDate: '2027-03-15', dueDate: '2027-03-17' });
  await signIn(page.request, 'maya@demo.test');
  return { ...board, webinar, fair };
}

const datesOf = async (page: Page, cardId: string) => {
  const card = (await (await page.request.get(`/api/cards/${cardId}`)).json()) as {
    startDate: string | null;
    dueDate: string | null;
  };
  return { startDate: card.startDate?.slice(0, 10) ?? null, dueDate: card.dueDate?.slice(0, 10) ?? null };
};

test('a scrum master moves cards between days with the mouse and the keyboard, and undoes a move', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const team = await calendarTeam(page);
  await page.goto(`/teams/${team.teamId}/calendar?date=2027-03-10`);
  await settled(page);
  await expect(page.getByRole('heading', { name: 'March 2027' })).toBeVisible();
  // A spanning card shows on each of its days.
  for (const name of ['Monday 15 March', 'Tuesday 16 March', 'Wednesday 17 March'])
    await expect(chip(page, name, 'Trade fair')).toBeVisible();

  // The mouse: the webinar moves from Wednesday to Friday, and the card's panel says so.
  await dragWithMouse(page, chip(page, 'Wednesday 10 March', 'Launch webinar'), day(page, 'Friday 12 March'), {
    liftsCard: false,
  });
  await expect(page.getByRole('status').filter({ hasText: 'Moved “Launch webinar” to 12 Mar' })).toBeVisible();
  await expect(chip(page, 'Friday 12 March', 'Launch webinar')).toBeVisible();
  await chip(page, 'Friday 12 March', 'Launch webinar').click();
  const panel = page.getByRole('dialog', { name: 'Launch webinar' });
  await expect(panel.getByLabel('Due date')).toHaveValue('2027-03-12');
  await page.goBack();
  await settled(page);

  // The keyboard: the fair, picked up on its first day, moves a day later and keeps its length.
  const fair = chip(page, 'Monday 15 March', 'Trade fair');
  await fair.focus();
  await page.keyboard.press('Space');
  await expect(page.getByText('Card Trade fair is over Monday 15 March')).toBeAttached();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Card Trade fair is over Tuesday 16 March')).toBeAttached();
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: 'Moved “Trade fair” to 18 Mar' })).toBeVisible();
  await expect.poll(() => datesOf(page, team.fair)).toEqual({ startDate: '2027-03-16', dueDate: '2027-03-18' });
  await expect(chip(page, 'Thursday 18 March', 'Trade fair')).toBeVisible();

  // Undo puts both dates back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: '“Trade fair” is back on 17 Mar' })).toBeVisible();
  await expect.poll(() => datesOf(page, team.fair)).toEqual({ startDate: '2027-03-15', dueDate: '2027-03-17' });
  await expect(chip(page, 'Monday 15 March', 'Trade fair')).toBeVisible();

  await expectNoSeriousViolations(page, 'the team calendar (month)');
  await page.getByRole('button', { name: 'Agenda' }).click();
  await expect(page).toHaveURL(/view=agenda/);
  await expect(page.getByRole('heading', { name: 'Friday 12 March' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the team calendar (agenda)');
});

test('a card added on a day is due that day; a viewer cannot drag', async ({ page }) => {
  const team = await calendarTeam(page);
  await page.goto(`/teams/${team.teamId}/calendar?date=2027-03-10`);
  await settled(page);
  await page.getByRole('button', { name: 'Add a card due Tuesday 23 March' }).click();
  await page.getByLabel('Title of the new card due Tuesday 23 March').fill('Press release');
  await page.keyboard.press('Enter');
  await expect(chip(page, 'Tuesday 23 March', 'Press release')).toBeVisible();

  await signIn(page.request, 'alex@demo.test');
  await page.request.post(`/api/teams/${team.teamId}/members`, { data: { email: 'vic@demo.test', role: 'VIEWER' } });
  await signIn(page.request, 'vic@demo.test');
  await page.goto(`/teams/${team.teamId}/calendar?date=2027-03-10`);
  await settled(page);
  await expect(chip(page, 'Wednesday 10 March', 'Launch webinar')).toHaveAttribute('aria-roledescription', 'card');
  await expect(page.getByRole('button', { name: /^Add a card due/ })).toHaveCount(0);
});

test('on a phone the calendar is an agenda that fits the screen', async ({ page }) => {
  const team = await calendarTeam(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/teams/${team.teamId}/calendar?date=2027-03-10`);
  await settled(page);
  await expect(page.getByRole('button', { name: 'Agenda', pressed: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Wednesday 10 March' })).toBeVisible();
  const width = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number } } }).document.scrollingElement
        .scrollWidth,
  );
  expect(width).toBeLessThanOrEqual(390);
  await expectNoSeriousViolations(page, 'the team calendar on a phone');
  // The month view, chosen on a phone, fits too.
  await page.getByRole('button', { name: 'Month', exact: true }).click();
  await expect(chip(page, 'Wednesday 10 March', 'Launch webinar')).toBeVisible();
  const monthWidth = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number } } }).document.scrollingElement
        .scrollWidth,
  );
  expect(monthWidth).toBeLessThanOrEqual(390);
});

test('my calendar lists the cards I own on every team', async ({ page }) => {
  const team = await calendarTeam(page);
  const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { id: string } };
  const card = (await (await page.request.get(`/api/cards/${team.webinar}`)).json()) as { version: number };
  await page.request.patch(`/api/cards/${team.webinar}`, { data: { version: card.version, ownerIds: [me.user.id] } });
  await page.goto('/calendar?date=2027-03-10&view=agenda');
  await settled(page);
  await expect(page.getByRole('heading', { name: 'My calendar', level: 1 })).toBeVisible();
  await expect(chip(page, 'Wednesday 10 March', 'Launch webinar')).toContainText(/Calendar /);
});
