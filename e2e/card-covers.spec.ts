import { crc32, deflateSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { cardIn, freshBoard } from './support/board-fixtures';

/** A real PNG of one colour, `width` × `height`, RGB. */
function png(width: number, height: number, [r, g, b]: [number, number, number]) {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('attach an image, see its thumbnail, make it the cover and see it on the card on the board', async ({ page }) => {
  const board = await freshBoard(page, 'Covers');
  await board.card('Summer banner', 'To do');
  await page.goto(`/teams/${board.teamId}/board`);
  await cardIn(page, 'To do', 'Summer banner').click();
  const panel = page.getByRole('dialog', { name: 'Summer banner' });
  const files = panel.getByRole('list', { name: 'Files' });

  await panel
    .getByLabel('Files to attach')
    .setInputFiles([{ name: 'summer.png', mimeType: 'image/png', buffer: png(900, 500, [220, 120, 30]) }]);
  // The thumbnail the server drew: 320 px wide, shown in the list.
  const thumbnail = files.getByRole('img', { name: 'Thumbnail of summer.png' });
  await expect(thumbnail).toBeVisible();
  await expect
    .poll(() => thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
    .toBe(320);

  await files.getByRole('button', { name: 'Make summer.png the cover' }).click();
  await expect(files.getByRole('button', { name: 'Remove summer.png as the cover' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // On the card's face: the thumbnail in a fixed box, loaded once in view.
  const cover = cardIn(page, 'To do', 'Summer banner').locator('img.card-cover');
  await expect(cover).toBeVisible();
  await expect(cover).toHaveAttribute('loading', 'lazy');
  await expect(cover).toHaveAttribute('alt', '');
  await expect.poll(() => cover.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(320);
  const box = await cover.boundingBox();
  expect(box?.height).toBeGreaterThan(40);

  // Still there after a reload: it is the card's, not the page's.
  await page.reload();
  await expect(cardIn(page, 'To do', 'Summer banner').locator('img.card-cover')).toBeVisible();
});
