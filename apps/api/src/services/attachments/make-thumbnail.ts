import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import sharp from 'sharp';
import type { FileStorage } from '../../lib/file-storage/file-storage';

/** How wide a thumbnail is drawn; the card face and the panel show it at most this wide. */
export const THUMBNAIL_WIDTH = 320;
export const THUMBNAIL_CONTENT_TYPE = 'image/webp';
/**
 * The most pixels an image may declare to be thumbnailed: a 6,000 × 4,000 photo (24 MP) and some room above it.
 * A few bytes of PNG can declare 50,000 × 50,000 (2.5 billion pixels, 10 GB decoded); sharp refuses it from its header.
 */
export const THUMBNAIL_MAX_INPUT_PIXELS = 50_000_000;

/** Where a version's thumbnail lives, beside its file in the same storage. */
export const thumbnailKey = (storageKey: string) => `${storageKey}-thumbnail`;

export class ThumbnailRefused extends Error {}

/**
 * Draws the thumbnail of the stored image `storageKey` and stores it beside it. The image streams from storage
 * into sharp (decoding runs on libuv's threads, never the event loop) and the thumbnail streams back into storage.
 * An image over the pixel limit, or one sharp cannot read, is refused with the reason and nothing is stored.
 */
export async function makeThumbnail(storage: FileStorage, storageKey: string): Promise<void> {
  const source = await storage.get(storageKey);
  if (!source) throw new ThumbnailRefused('the file is missing from storage');
  const resize = sharp({ limitInputPixels: THUMBNAIL_MAX_INPUT_PIXELS, failOn: 'error', sequentialRead: true })
    .rotate()
    .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
    .webp({ quality: 75 });
  const out = new PassThrough();
  let refused: Error | undefined;
  const drawn = pipeline(source, resize, out).catch((error: unknown) => {
    refused = error instanceof Error ? error : new Error(String(error));
    out.destroy(refused);
  });
  try {
    await storage.put(thumbnailKey(storageKey), out as Readable, THUMBNAIL_CONTENT_TYPE);
  } catch (error) {
    await drawn;
    if (refused) throw new ThumbnailRefused(reason(refused));
    throw error;
  }
  await drawn;
  if (refused) {
    await storage.delete(thumbnailKey(storageKey)).catch(() => {});
    throw new ThumbnailRefused(reason(refused));
  }
}

function reason(error: Error) {
  if (/pixel limit/i.test(error.message))
    return `the image declares more than ${THUMBNAIL_MAX_INPUT_PIXELS / 1_000_000} million pixels`;
  return 'the image could not be read';
}
