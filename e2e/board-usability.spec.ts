import { expect, test } from '@playwright/test';
import { cardIn, column, dragWithMouse, freshBoard, setLimit, signIn } from './support/board-fixtures';

test('a viewer cannot lift a card and is told why', async ({ page }) => {
  const board = await freshBoard(page, 'Viewer');
  await board.card('Read me only', 'Backlog');
  const added = await page.request.post(`/api/teams/${board.teamId}/members`, {
    data: { email: 'vic@demo.test', role: 'VIEWER' },
  });
  expect(added.ok()).toBe(true);
  await signIn(page.request, 'vic@demo.test');
  const moves: string[] = [];
  page.on('request', (r) => r.url().includes('/move') && moves.push(r.url()));
  await page.goto(`/teams/${board.teamId}/board`);

  const card = cardIn(page, 'Backlog', 'Read me only');
  await expect(page.getByText('View only')).toBeVisible();
  await expect(card).toHaveAttribute('title', /your role on this team is viewer/);
  await expect(card).toHaveAccessibleDescription(/your role on this team is viewer/);
  await expect(page.getByRole('button', { name: /Add a card/ })).toHaveCount(0);

  await dragWithMouse(page, card, column(page, 'To do'), { liftsCard: false });
  await expect(page.locator('.board-card.overlay')).toHaveCount(0);
  await expect(cardIn(page, 'Backlog', 'Read me only')).toBeVisible();
  await expect(column(page, 'To do').getByRole('button', { name: 'Read me only' })).toHaveCount(0);
  expect(moves).toEqual([]);
});

test('a refused drop is said where the card was dropped, and announced', async ({ page }) => {
  const board = await freshBoard(page, 'Refusal');
  await setLimit(page, board.columns['Review']!, 1, 'HARD');
  await board.card('Already in review', 'Review');
  await board.card('Wants review', 'Backlog');
  await page.goto(`/teams/${board.teamId}/board`);

  await dragWithMouse(page, cardIn(page, 'Backlog', 'Wants review'), column(page, 'Review'));
  const cell = column(page, 'Review').getByRole('group', { name: 'Review cards' });
  await expect(cell.getByRole('alert')).toContainText(
    '“Wants review” was not moved. Column "Review" is at its hard WIP limit of 1',
  );
  // Nothing about it at the top of the page, far from where the person was looking.
  await expect(page.locator('.board-notice')).toHaveText('');
  await expect(cardIn(page, 'Backlog', 'Wants review')).toBeVisible();
});

test('a column exactly at its limit looks different from one within or over it', async ({ page }) => {
  const board = await freshBoard(page, 'AtLimit');
  await setLimit(page, board.columns['To do']!, 1, 'HARD');
  await setLimit(page, board.columns['Review']!, 1, 'SOFT');
  await board.card('Fills to do', 'To do');
  await board.card('Review one', 'Review');
  await board.card('Review two', 'Review');
  await page.goto(`/teams/${board.teamId}/board`);
  await expect(column(page, 'To do')).toHaveClass(/at-limit/);
  await expect(column(page, 'To do')).toContainText('1 / 1 hard at limit');
  await expect(column(page, 'Review')).toHaveClass(/over-limit/);
  await expect(column(page, 'Review')).toContainText('over limit');
  await expect(column(page, 'Backlog')).toHaveClass(/within/);
});

test('an empty swimlane is a thin labelled row that opens on request and still takes a drop', async ({ page }) => {
  const board = await freshBoard(page, 'Lanes');
  for (const name of ['Expedite', 'Busy lane']) {
    const res = await page.request.post('/api/swimlanes', { data: { boardId: board.boardId, name } });
    expect(res.status()).toBe(201);
  }
  const lanes = (await (await page.request.get(`/api/boards/${board.boardId}`)).json()).swimlanes as {
    id: string;
    name: string;
  }[];
  const busy = lanes.find((l) => l.name === 'Busy lane')!;
  for (const title of ['One', 'Two', 'Three']) {
    const res = await page.request.post('/api/cards', {
      data: { columnId: board.columns['To do'], swimlaneId: busy.id, title, position: 'bottom' },
    });
    expect(res.status()).toBe(201);
  }
  await page.goto(`/teams/${board.teamId}/board`);

  const expedite = page.getByRole('button', { name: /^Swimlane Expedite · no cards, folded/ });
  await expect(expedite).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: /^Swimlane Busy lane: 3 cards/ })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  const thin = (await page.getByRole('group', { name: 'To do, Expedite' }).boundingBox())!;
  const full = (await page.getByRole('group', { name: 'To do, Busy lane' }).boundingBox())!;
  expect(thin.height).toBeLessThan(full.height / 3);
  // The busy lane starts right under the thin one, not a screen further down.
  expect(full.y - (thin.y + thin.height)).toBeLessThan(60);

  // A card dropped on the folded row goes into that swimlane.
  await dragWithMouse(page, cardIn(page, 'To do', 'One'), page.getByRole('group', { name: 'In progress, Expedite' }));
  await expect(
    page.getByRole('group', { name: 'In progress, Expedite' }).getByRole('button', { name: 'One', exact: true }),
  ).toBeVisible();

  await page.getByRole('button', { name: /^Swimlane Busy lane/ }).click();
  await expect(page.getByRole('button', { name: /^Swimlane Busy lane · 2 hidden, folded/ })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(cardIn(page, 'To do', 'Two')).toHaveCount(0);
});

test('an empty cell of a busy swimlane is short, so a column’s cards in a lower lane show above the fold', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const board = await freshBoard(page, 'Short cells');
  const res = await page.request.post('/api/swimlanes', { data: { boardId: board.boardId, name: 'Campaign' } });
  expect(res.status()).toBe(201);
  const campaign = (await res.json()).id as string;
  for (let i = 1; i <= 12; i++) {
    const made = await page.request.post('/api/cards', {
      data: { columnId: board.columns['To do'], swimlaneId: campaign, title: `Campaign task ${i}`, position: 'bottom' },
    });
    expect(made.status()).toBe(201);
  }
  await board.card('Idea for the spring newsletter', 'Backlog');
  await page.goto(`/teams/${board.teamId}/board`);
  await expect(cardIn(page, 'To do', 'Campaign task 12')).toBeVisible();

  // Backlog has nothing in the busy lane: its cell there is a short labelled strip, and its own card shows at once.
  const emptyCell = page.getByRole('group', { name: 'Backlog, Campaign' });
  expect((await emptyCell.boundingBox())!.height).toBeLessThan(60);
  await expect(cardIn(page, 'Backlog', 'Idea for the spring newsletter')).toBeInViewport();

  // The short strip still takes a drop.
  await dragWithMouse(
    page,
    cardIn(page, 'To do', 'Campaign task 1'),
    page.getByRole('group', { name: 'Review, Campaign' }),
  );
  await expect(
    page.getByRole('group', { name: 'Review, Campaign' }).getByRole('button', { name: 'Campaign task 1', exact: true }),
  ).toBeVisible();
});

test('principle names and an experiment’s hypothesis and result show on the card, and in the legend', async ({
  page,
}) => {
  const board = await freshBoard(page, 'Principles');
  const created = await board.card('Subject line test', 'In progress');
  const principles = (await (await page.request.get('/api/principles')).json()).principles as {
    id: string;
    key: string;
    name: string;
  }[];
  const focus = principles.find((p) => p.key === 'customer-focus')!;
  const res = await page.request.patch(`/api/cards/${created.id}`, {
    data: {
      version: created.version,
      type: 'EXPERIMENT',
      hypothesis: 'A question in the subject lifts opens',
      experimentResult: 'VALIDATED',
      principleIds: [focus.id],
    },
  });
  expect(res.status()).toBe(200);
  await page.goto(`/teams/${board.teamId}/board`);
  const card = cardIn(page, 'In progress', 'Subject line test');
  await expect(card).toContainText('Customer focus');
  await expect(card).toContainText('A question in the subject lifts opens');
  await expect(card).toContainText('Validated');
  await page.getByText('Legend', { exact: true }).click();
  await expect(page.locator('.legend-body')).toContainText('Customer focus over silos and hierarchy');
});

test('on a phone the first card is on the first screen, and the filters open from a button', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const board = await freshBoard(page, 'Phone');
  await board.card('First thing to see', 'Backlog');
  await page.goto(`/teams/${board.teamId}/board`);
  const card = cardIn(page, 'Backlog', 'First thing to see');
  await expect(card).toBeVisible();
  const box = (await card.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(844);
  const topbar = (await page.locator('.topbar').boundingBox())!;
  expect(topbar.height).toBeLessThanOrEqual(56);

  const search = page.getByRole('searchbox', { name: 'Search cards' });
  await expect(search).toBeHidden();
  await page.getByRole('button', { name: 'Filters' }).click();
  await search.fill('nothing like this');
  await expect(card).toBeHidden();
  await expect(page.getByRole('button', { name: 'Filters (1)' })).toBeVisible();

  // The board's other actions wait behind "More", so its toolbar is the title and one row of buttons.
  expect((await page.locator('.board-toolbar').boundingBox())!.height).toBeLessThanOrEqual(90);
  const archived = page.getByRole('link', { name: 'Archived cards' });
  await expect(archived).toBeHidden();
  await page.getByRole('button', { name: 'More' }).click();
  await expect(page.getByRole('button', { name: 'More' })).toHaveAttribute('aria-expanded', 'true');
  await expect(archived).toBeVisible();
  await expect(page.getByRole('link', { name: 'Export CSV' })).toBeVisible();
});
