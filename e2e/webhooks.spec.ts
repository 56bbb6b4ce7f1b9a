import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { freshBoard, signIn } from './support/board-fixtures';

// A scrum master connects the board to another system: registers a webhook against a receiver on this machine
// (the server runs with the setting that allows loopback addresses), a card moves, the delivery shows as delivered
// with the receiver's answer, and is sent again by hand.

test('a scrum master registers a webhook, sees a move delivered and signed, and re-sends it', async ({ page }) => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.end('thanks from the receiver');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/board-hook`;

  try {
    const board = await freshBoard(page, 'Hooks');
    expect(
      (
        await page.request.post(`/api/teams/${board.teamId}/members`, {
          data: { email: 'maya@demo.test', role: 'SCRUM_MASTER' },
        })
      ).status(),
    ).toBe(200);
    const card = await board.card('Announce the webinar', 'To do');

    await signIn(page.request, 'maya@demo.test');
    await page.goto(`/teams/${board.teamId}/board`);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await expect(page.getByRole('heading', { name: /^Webhooks of Hooks/ })).toBeVisible();
    await expect(page.getByText('No webhook yet.')).toBeVisible();

    const form = page.getByRole('form', { name: 'Register a webhook' });
    await form.getByLabel('Receiver URL').fill('ftp://files.example.test/drop');
    await form.getByRole('button', { name: 'Register webhook' }).click();
    await expect(form.getByText('URL must be an http or https URL')).toBeVisible();
    await form.getByLabel('Receiver URL').fill(url);
    await expect(form.getByLabel('A card moves to another column or swimlane')).toBeChecked();
    await form.getByLabel('A card is created').uncheck();
    await form.getByRole('button', { name: 'Register webhook' }).click();

    // The secret is shown once, to be copied into the receiver.
    await expect(page.getByText('Copy its secret now: it is not shown again.')).toBeVisible();
    const secret = (await page.getByLabel('Secret', { exact: true }).textContent())!;
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const hook = page.getByRole('region', { name: `Webhook ${url}` });
    await expect(hook.getByText('Nothing sent yet.')).toBeVisible();

    const moved = await page.request.post(`/api/cards/${card.id}/move`, {
      data: { columnId: board.columns['In progress'], afterCardId: null, version: card.version },
    });
    expect(moved.status()).toBe(200);

    const row = hook.getByRole('row', { name: /A card moves/ });
    await expect(row.getByText('Delivered')).toBeVisible({ timeout: 20_000 });
    await expect(row).toContainText('HTTP 200');
    await expect(row).toContainText('thanks from the receiver');
    expect(received).toHaveLength(1);
    const [first] = received;
    expect(first!.headers['x-board-signature']).toBe(
      `sha256=${createHmac('sha256', secret).update(first!.body).digest('hex')}`,
    );
    expect(JSON.parse(first!.body)).toMatchObject({ event: 'card.moved', cardId: card.id });

    await row.getByRole('button', { name: /^Re-send/ }).click();
    await expect.poll(() => received.length).toBe(2);
    expect(received[1]!.headers['x-board-delivery']).toBe(first!.headers['x-board-delivery']);
    await expect(row.getByRole('cell', { name: '2', exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(row.getByText('Delivered')).toBeVisible();

    await hook.getByRole('button', { name: 'Turn off' }).click();
    await expect(hook.getByText('Off: Turned off by hand.')).toBeVisible();
    await expect(row.getByRole('button', { name: /^Re-send/ })).toBeDisabled();
    await hook.getByRole('button', { name: 'Turn on' }).click();
    await expect(hook.getByText('On', { exact: true })).toBeVisible();

    await hook.getByRole('button', { name: 'Delete…' }).click();
    await page
      .getByRole('dialog', { name: 'Delete this webhook?' })
      .getByRole('button', { name: 'Delete webhook' })
      .click();
    await expect(page.getByText('No webhook yet.')).toBeVisible();
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
