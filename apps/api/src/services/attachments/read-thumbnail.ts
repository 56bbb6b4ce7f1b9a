import type { Readable } from 'node:stream';
import { showsInline } from '@amb/domain/attachments';
import type { FileStorage } from '../../lib/file-storage/file-storage';
import { notFound } from '../../lib/app-error';
import type { ServiceContext } from '../context';
import { loadAttachmentFor } from './load-attachment';
import { makeThumbnail, THUMBNAIL_CONTENT_TYPE, thumbnailKey, ThumbnailRefused } from './make-thumbnail';

export interface ThumbnailFile {
  stream: Readable;
  contentType: string;
  fileName: string;
}

/**
 * One image version's thumbnail, checked against the card's access at this moment like the file itself. It is
 * drawn on first request and kept beside the file; a version that is no raster image has none (404), and neither
 * has an image refused for drawing (over the pixel limit, unreadable): its 404 says why.
 */
export async function readThumbnail(
  { db, actor }: ServiceContext,
  storage: FileStorage,
  attachmentId: string,
  number: number,
): Promise<ThumbnailFile> {
  const { attachment } = await loadAttachmentFor(db, actor, attachmentId, 'view');
  const version = await db.attachmentVersion.findUnique({ where: { attachmentId_number: { attachmentId, number } } });
  if (!version) throw notFound('Version');
  if (!showsInline(version.contentType)) throw notFound('Thumbnail (only images have one)');
  const key = thumbnailKey(version.storageKey);
  let stream = await storage.get(key);
  if (!stream) {
    try {
      await makeThumbnail(storage, version.storageKey);
    } catch (error) {
      if (error instanceof ThumbnailRefused) throw notFound(`Thumbnail (${error.message})`);
      throw error;
    }
    stream = await storage.get(key);
    if (!stream) throw notFound('Thumbnail');
  }
  const base = attachment.name.replace(/\.[^.]*$/, '') || 'image';
  return { stream, contentType: THUMBNAIL_CONTENT_TYPE, fileName: `${base} (thumbnail).webp` };
}
