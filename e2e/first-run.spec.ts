import { expect, test, type Page } from '@playwright/test';
import { startEmptyServer } from './support/empty-server';

// A new installation, as its first people meet it: the first sign-up becomes the admin, creates a team from a
// template and invites someone, who joins through the link in another browser; then the admin deactivates them.
let server: Awaited<ReturnType<typeof startEmptyServer>>;
test.beforeAll(async () => {
  server = await startEmptyServer();
});
test.afterAll(async () => server?.stop());

const column = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test('first sign-up creates a team from a template, invites a person who joins by link, and deactivation cuts them off', async ({
  browser,
}) => {
  // This app has an address of its own: its pages send their own Origin, not the one set for the shared test server.
  // Writes made through the API on the side name it as their origin, as its pages do.
  const own = { baseURL: server.baseURL, extraHTTPHeaders: {} };
  const sameOrigin = { origin: server.baseURL };
  const admin = await browser.newContext(own);
  const invitee = await browser.newContext(own);
  const a = await admin.newPage();
  const b = await invitee.newPage();

  // 1. The first account: the sign-up page says it becomes the admin.
  await a.goto('/sign-up');
  await expect(a.getByRole('heading', { name: 'Set up your board' })).toBeVisible();
  await a.getByLabel('Name').fill('Alma Admin');
  await a.getByLabel('Email').fill('alma@launch.test');
  await a.getByLabel('Password').fill('a-long-admin-password');
  await a.getByRole('button', { name: 'Create account' }).click();

  // 2. Straight to creating the first team, from the campaign-launch template.
  await expect(a.getByRole('heading', { name: 'Create your first team' })).toBeVisible();
  await a.getByLabel('Team name').fill('Launch Crew');
  await a.getByRole('radio', { name: /Campaign launch/ }).check();
  await a.getByRole('button', { name: 'Create team and continue' }).click();

  // 3. Inviting: without a mail server the link is shown to copy.
  await expect(a.getByRole('heading', { name: 'Invite people to Launch Crew' })).toBeVisible();
  // The top bar's team picker names the new team at once.
  await expect(a.getByRole('combobox', { name: 'Team' })).toHaveValue(/.+/);
  await expect(a.getByRole('combobox', { name: 'Team' }).locator('option:checked')).toHaveText('Launch Crew');
  await a.getByLabel('Email address').fill('ines@launch.test');
  await a.getByLabel('Role').selectOption('MEMBER');
  await a.getByRole('button', { name: 'Invite' }).click();
  const linkBox = a.getByRole('textbox', { name: 'Invitation link' });
  await expect(linkBox).toHaveValue(/\/invitations\/[A-Za-z0-9_-]{43}$/);
  const link = await linkBox.inputValue();

  // 4. The invitee opens the link in their own browser and creates their account through it.
  await b.goto(new URL(link).pathname);
  await expect(b.getByRole('heading', { name: 'Join Launch Crew' })).toBeVisible();
  await expect(b.getByText('ines@launch.test')).toBeVisible();
  await b.getByLabel('Your name').fill('Ines Invitee');
  await b.getByLabel('Choose a password').fill('an-invitee-password');
  await b.getByRole('button', { name: 'Create account and join' }).click();

  // 5. They land on the team's board, laid out by the template, and it is live.
  await expect(b).toHaveURL(/\/teams\/[0-9a-f-]+\/board$/);
  await expect(column(b, 'Creative')).toBeVisible();
  await expect(b.getByRole('combobox', { name: 'Team' })).toContainText('Launch Crew');
  const boardId = (await (await a.request.get('/api/teams')).json()).teams[0].boards[0].id as string;
  const board = await (await a.request.get(`/api/boards/${boardId}`)).json();
  const brief = (board.columns as { id: string; name: string }[]).find((c) => c.name === 'Brief')!.id;
  expect(
    (
      await a.request.post('/api/cards', {
        headers: sameOrigin,
        data: { columnId: brief, title: 'Spring launch brief' },
      })
    ).status(),
  ).toBe(201);
  await expect(column(b, 'Brief').getByText('Spring launch brief')).toBeVisible();

  // 6. The admin deactivates them from the people screen.
  const streamClosed = b.waitForEvent('requestfinished', {
    predicate: (r) => r.url().includes(`/api/boards/${boardId}/events`),
  });
  const reconnectRefused = b.waitForResponse(
    (r) => r.url().includes(`/api/boards/${boardId}/events`) && r.status() === 401,
  );
  await a.goto('/admin/people');
  a.once('dialog', (d) => void d.accept());
  await a.getByRole('button', { name: 'Deactivate Ines Invitee' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Ines Invitee is deactivated' })).toBeVisible();
  await expect(a.getByRole('row', { name: /Ines Invitee/ }).getByText('Deactivated')).toBeVisible();

  // Their session is over at once…
  expect((await b.request.get('/api/auth/me')).status()).toBe(401);
  // …and their open board stops receiving updates: its live stream is closed (the stream re-checks the session),
  // and the browser's reconnection is refused.
  await streamClosed;
  await reconnectRefused;
  expect(
    (
      await a.request.post('/api/cards', {
        headers: sameOrigin,
        data: { columnId: brief, title: 'After deactivation' },
      })
    ).status(),
  ).toBe(201);
  await expect(column(b, 'Brief').getByText('After deactivation')).toHaveCount(0);

  // They cannot sign in again.
  const signIn = await b.request.post('/api/auth/sign-in', {
    headers: sameOrigin,
    data: { email: 'ines@launch.test', password: 'an-invitee-password' },
  });
  expect(signIn.status()).toBe(403);

  await admin.close();
  await invitee.close();
});
