import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { freshBoard, signIn } from './support/board-fixtures';
import { settled } from './support/pages';

// A campaign across teams: a scrum master creates it, puts a card of their board into it from the card panel and
// finds it on the campaign page under their team; another team's card counts there without its title, and the PMO,
// who reads every team, sees both; a card moved to done shows done. Both pages fit a phone and pass axe.

async function personIn(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  await signIn(context.request, email);
  return context.newPage();
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function fitsAPhone(page: Page, what: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  const width = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number } } }).document.scrollingElement
        .scrollWidth,
  );
  expect.soft(width, `${what} is ${width} px wide on a 390 px phone`).toBeLessThanOrEqual(390);
  await expectNoSeriousViolations(page, `${what} on a phone`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('a scrum master runs a campaign across teams and sees its cards by team', async ({ page, browser, baseURL }) => {
  // Three people in three browsers, and axe twice: longer than most tests on a shared machine.
  test.slow();
  const ours = await freshBoard(page, 'Launch team');
  expect(
    (
      await page.request.post(`/api/teams/${ours.teamId}/members`, {
        data: { email: 'maya@demo.test', role: 'SCRUM_MASTER' },
      })
    ).status(),
  ).toBe(200);
  const newsletter = await ours.card('Launch newsletter', 'To do');
  const partners = await freshBoard(page, 'Partner team');
  const partnerCard = await partners.card('Partner landing page', 'In progress');

  const maya = await personIn(browser, baseURL!, 'maya@demo.test');
  await maya.goto('/');
  await maya.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  await settled(maya);
  const name = `Launch week ${Date.now().toString(36)}`;
  const form = maya.getByRole('form', { name: 'New campaign' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Goal').fill('Five hundred sign-ups in launch week');
  await form.getByLabel('Starts').fill(day(-2));
  // An end before the start is refused beside the field.
  await form.getByLabel('Ends').fill(day(-5));
  await form.getByRole('button', { name: 'Create campaign' }).click();
  await expect(form.getByText('The end date must not be before the start date')).toBeVisible();
  await form.getByLabel('Ends').fill(day(20));
  await form.getByLabel('violet').check();
  await form.getByRole('button', { name: 'Create campaign' }).click();
  await expect(maya.getByRole('status').filter({ hasText: `Created the campaign ${name}.` })).toBeVisible();
  const link = maya.getByRole('link', { name, exact: true });
  await expect(link).toBeVisible();
  await fitsAPhone(maya, 'the campaigns list');

  // From the card panel, the card joins the campaign.
  await maya.goto(`/teams/${ours.teamId}/board/cards/${newsletter.id}`);
  const panel = maya.getByRole('dialog', { name: 'Launch newsletter' });
  await panel.getByLabel('Campaign').selectOption({ label: `${name} (planned)` });
  await expect(panel.getByRole('region', { name: 'History' })).toContainText(`added this to the campaign “${name}”`);

  // The other team's card joins too (its team adds it); Maya cannot read that team.
  const campaigns = (await (await maya.request.get('/api/campaigns')).json()).campaigns as {
    id: string;
    name: string;
  }[];
  const campaignId = campaigns.find((c) => c.name === name)!.id;
  const joined = await page.request.patch(`/api/cards/${partnerCard.id}`, {
    data: { version: partnerCard.version, campaignId },
  });
  expect(joined.status()).toBe(200);

  await maya.goto('/campaigns');
  await maya.getByRole('link', { name, exact: true }).click();
  await settled(maya);
  await expect(maya.getByRole('heading', { level: 1, name })).toBeVisible();
  const team = maya.getByRole('region', { name: /^Launch team/ });
  await expect(team.getByRole('link', { name: 'Launch newsletter' })).toHaveAttribute(
    'href',
    `/teams/${ours.teamId}/board/cards/${newsletter.id}`,
  );
  await expect(maya.getByText('1 card on teams you cannot see is part of this campaign')).toBeVisible();
  await expect(maya.getByText('Partner landing page')).toHaveCount(0);
  await expect(maya.getByText('0 of 1 cards done')).toBeVisible();
  await fitsAPhone(maya, 'the campaign page');

  // The card moves to done: the campaign page says so.
  const card = (await (await maya.request.get(`/api/cards/${newsletter.id}`)).json()) as { version: number };
  const moved = await maya.request.post(`/api/cards/${newsletter.id}/move`, {
    data: { columnId: ours.columns['Done'], afterCardId: null, version: card.version },
  });
  expect(moved.status()).toBe(200);
  await maya.reload();
  await expect(maya.getByText('1 of 1 cards done')).toBeVisible();
  await expect(team.getByRole('row', { name: /Launch newsletter/ })).toContainText('Done');

  // The PMO reads every team: both cards, and nothing hidden.
  const pat = await personIn(browser, baseURL!, 'pat@demo.test');
  await pat.goto(`/campaigns/${campaignId}`);
  await settled(pat);
  await expect(
    pat.getByRole('region', { name: /^Partner team/ }).getByRole('link', { name: 'Partner landing page' }),
  ).toBeVisible();
  await expect(pat.getByText('1 of 2 cards done')).toBeVisible();
  await expect(pat.getByText(/teams you cannot see/)).toHaveCount(0);
});
