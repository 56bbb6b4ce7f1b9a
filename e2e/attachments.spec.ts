import { expect, test } from '@playwright/test';
import { cardIn, freshBoard, signIn } from './support/board-fixtures';

test('attach two files, download one, send it for approval and approve it', async ({ page }) => {
  const board = await freshBoard(page, 'Files');
  const card = await board.card('Spring banner', 'To do');
  const added = await page.request.post(`/api/teams/${board.teamId}/members`, {
    data: { email: 'maya@demo.test', role: 'MEMBER' },
  });
  expect(added.ok()).toBe(true);
  await page.goto(`/teams/${board.teamId}/board/cards/${card.id}`);
  const panel = page.getByRole('dialog', { name: 'Spring banner' });
  const files = panel.getByRole('list', { name: 'Files' });

  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
  await panel.getByLabel('Files to attach').setInputFiles([
    { name: 'brief.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nThe brief for legal\n') },
    { name: 'banner.png', mimeType: 'image/png', buffer: png },
  ]);
  // Each upload's progress bar goes away once its file is in the list.
  await expect(files.getByRole('link', { name: 'brief.pdf' })).toBeVisible();
  await expect(files.getByRole('link', { name: 'banner.png' })).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Uploads' })).toHaveCount(0);

  const download = page.waitForEvent('download');
  await files.getByRole('link', { name: 'brief.pdf' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('brief.pdf');

  // Alex sends the brief to Maya for approval; Maya approves it.
  const approval = panel.getByRole('region', { name: 'Approval' });
  await approval.getByRole('button', { name: 'Send for approval' }).click();
  await approval.getByRole('checkbox', { name: 'Maya Patel' }).check();
  await approval.getByLabel('What to approve').selectOption({ label: 'brief.pdf (version 1)' });
  await approval.getByRole('button', { name: 'Send for approval' }).click();
  await expect(approval.getByText('approval 0 of 1')).toBeVisible();
  await expect(approval.getByText('for brief.pdf, version 1')).toBeVisible();
  await expect(approval.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(cardIn(page, 'To do', 'Spring banner')).toContainText('approval 0 of 1');

  await signIn(page.request, 'maya@demo.test');
  await page.reload();
  await approval.getByLabel('Comment for the team').fill('Good to go');
  await approval.getByRole('button', { name: 'Approve' }).click();
  await expect(approval.getByText('approved', { exact: true })).toBeVisible();
  await expect(approval.getByText('Maya Patel: approved')).toBeVisible();
  // The card's face on the board says so too.
  await expect(cardIn(page, 'To do', 'Spring banner')).toContainText('approved');
});

test('drop a file from the desktop onto a card on the board; it is attached, with progress said in a corner', async ({
  page,
}) => {
  const board = await freshBoard(page, 'Drop');
  const card = await board.card('Autumn campaign', 'To do');
  await page.goto(`/teams/${board.teamId}/board`);
  const face = cardIn(page, 'To do', 'Autumn campaign');
  // What the browser hands a page when a file is dragged in from the desktop (the test runs without DOM types).
  const files = await page.evaluateHandle(`(() => {
    const data = new DataTransfer();
    data.items.add(new File(['The brief for the autumn campaign'], 'autumn brief.txt', { type: 'text/plain' }));
    return data;
  })()`);
  await face.dispatchEvent('dragenter', { dataTransfer: files });
  await face.dispatchEvent('dragover', { dataTransfer: files });
  await expect(face).toHaveClass(/file-over/);
  await face.dispatchEvent('drop', { dataTransfer: files });
  await expect(face).not.toHaveClass(/file-over/);
  await expect(page.getByRole('region', { name: 'Files dropped on cards' }).getByRole('status')).toHaveText(
    'Attached autumn brief.txt to “Autumn campaign”',
  );

  await face.click();
  const panel = page.getByRole('dialog', { name: 'Autumn campaign' });
  await expect(
    panel.getByRole('list', { name: 'Files' }).getByRole('link', { name: 'autumn brief.txt' }),
  ).toBeVisible();
  const listed = await (await page.request.get(`/api/cards/${card.id}/attachments`)).json();
  expect(listed.attachments.map((a: { name: string }) => a.name)).toEqual(['autumn brief.txt']);
});
