import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from '@amb/shared/attachments';
import { addCards } from './support/board-fixtures';
import { fileForm } from './support/file-form';
import { startS3App } from './support/s3-server';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// Thumbnails of image attachments: drawn on first request, kept beside the file in either storage, read under the
// card's access like the file, none for other kinds, and a decompression bomb refused with a reason, not a crash.

const photo = (width: number, height: number, format: 'jpeg' | 'png' = 'jpeg') => {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 30 } } });
  return (format === 'png' ? image.png() : image.jpeg()).toBuffer();
};

/** A small valid PNG whose header then claims `width` × `height`: a few hundred bytes that would decode to gigabytes. */
async function bomb(width: number, height: number) {
  const png = Buffer.from(await photo(1, 1, 'png'));
  // The IHDR chunk: length (4), "IHDR" (4), width, height, then 5 bytes, then its CRC over type and data.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
  return png;
}

async function setUp(t: TestContext) {
  const [member, outsider] = await Promise.all([createUser(t.db), createUser(t.db)]);
  const team = await createTeam(t.db, [{ userId: member.id, role: 'MEMBER' }]);
  await createTeam(t.db, [{ userId: outsider.id, role: 'MEMBER' }]);
  const [card] = await addCards(t.db, team.board.id, team.board.columns[1]!.id, 1, 'Pictures');
  const as = {
    member: { cookie: await signIn(t.app, member.email) },
    outsider: { cookie: await signIn(t.app, outsider.email) },
  };
  const upload = async (name: string, content: Buffer) => {
    const form = fileForm(name, content);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${card!.id}/attachments`,
      headers: { 'content-type': form.contentType, ...as.member },
      payload: form.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Attachment>();
  };
  const get = (url: string, who: 'member' | 'outsider' = 'member') =>
    t.app.inject({ method: 'GET', url, headers: as[who] });
  const remove = (id: string) => t.app.inject({ method: 'DELETE', url: `/api/attachments/${id}`, headers: as.member });
  return { upload, get, remove };
}

async function expectThumbnailOf(
  res: { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer; body: string },
  width: number,
) {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('image/webp');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['content-security-policy']).toContain('sandbox');
  expect(res.headers['content-disposition']).toMatch(/^inline;/);
  const meta = await sharp(res.rawPayload).metadata();
  expect(meta.format).toBe('webp');
  expect(meta.width).toBe(width);
}

describe('thumbnails in a folder under DATA_DIR', () => {
  let t: TestContext;
  let dataDir: string;
  let s: Awaited<ReturnType<typeof setUp>>;
  const stored = async () =>
    (await readdir(path.join(dataDir, 'files'), { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => e.name);

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'amb-thumbnails-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    s = await setUp(t);
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('draws a 320 px wide WebP of an image on first request, keeps it beside the file, and removes both with it', async () => {
    const image = await s.upload('banner.jpg', await photo(1200, 800));
    expect(image.latest.thumbnailUrl).toBe(`/api/attachments/${image.id}/versions/1/thumbnail`);
    expect((await stored()).filter((f) => f.endsWith('-thumbnail'))).toHaveLength(0);
    await expectThumbnailOf(await s.get(image.latest.thumbnailUrl!), 320);
    expect((await stored()).filter((f) => f.endsWith('-thumbnail'))).toHaveLength(1);
    // The second request is served from what was kept.
    await expectThumbnailOf(await s.get(image.latest.thumbnailUrl!), 320);

    await s.remove(image.id);
    await t.app.fileDeletions.sweep();
    expect(await stored()).toHaveLength(0);
    const small = await s.upload('icon.png', await photo(100, 60, 'png'));
    await expectThumbnailOf(await s.get(small.latest.thumbnailUrl!), 100);
  });

  it('reads a thumbnail under the card’s access like the file: another team’s is not found', async () => {
    const image = await s.upload('team.jpg', await photo(400, 300));
    const res = await s.get(image.latest.thumbnailUrl!, 'outsider');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Attachment not found');
  });

  it('gives no thumbnail for a file that is not a raster image', async () => {
    const pdf = await s.upload('brief.pdf', Buffer.from('%PDF-1.7\n'.repeat(20)));
    expect(pdf.latest.thumbnailUrl).toBeNull();
    const res = await s.get(`/api/attachments/${pdf.id}/versions/1/thumbnail`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/only images have one/);
  });

  it('keeps a decompression bomb as a file but refuses its thumbnail with the reason, and goes on serving', async () => {
    const thumbnails = async () => (await stored()).filter((f) => f.endsWith('-thumbnail')).length;
    const before = await thumbnails();
    // 2.5 billion pixels, and 100 million: the second passes sharp's own default limit (268 million), not ours.
    for (const [width, height] of [
      [50_000, 50_000],
      [10_000, 10_000],
    ] as const) {
      const declared = await bomb(width, height);
      expect(declared.length).toBeLessThan(1000);
      const image = await s.upload('huge.png', declared);
      expect(image.latest.contentType).toBe('image/png');
      for (let i = 0; i < 3; i++) {
        const res = await s.get(image.latest.thumbnailUrl!);
        expect(res.statusCode).toBe(404);
        expect(res.json().error.message).toBe('Thumbnail (the image declares more than 50 million pixels) not found');
      }
      // The file itself is still there as sent.
      expect((await s.get(image.latest.url)).rawPayload.equals(declared)).toBe(true);
    }
    expect(await thumbnails()).toBe(before);
    // The process answers as before.
    const after = await s.upload('after.jpg', await photo(640, 480));
    await expectThumbnailOf(await s.get(after.latest.thumbnailUrl!), 320);
  });

  it('refuses, with a reason, an image whose bytes stop short', async () => {
    const whole = await photo(800, 600);
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    const image = await s.upload('cut.jpg', cut);
    const res = await s.get(image.latest.thumbnailUrl!);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Thumbnail (the image could not be read) not found');
  });
});

describe('thumbnails in S3-compatible storage', () => {
  let app: Awaited<ReturnType<typeof startS3App>>;
  let s: Awaited<ReturnType<typeof setUp>>;
  const objects = () => app.objects();

  beforeAll(async () => {
    app = await startS3App();
    s = await setUp(app.t);
  });
  afterAll(() => app?.close());

  it('draws the thumbnail into the bucket beside the file, serves it, and refuses a bomb there too', async () => {
    const image = await s.upload('cover.jpg', await photo(2000, 1000));
    expect(await objects()).toHaveLength(1);
    await expectThumbnailOf(await s.get(image.latest.thumbnailUrl!), 320);
    expect(await objects()).toHaveLength(2);
    const declared = await s.upload('bomb.png', await bomb(50_000, 50_000));
    expect((await s.get(declared.latest.thumbnailUrl!)).statusCode).toBe(404);
    expect(await objects()).toHaveLength(3);
  });
});
