import type { Readable } from 'node:stream';
import { showsInline } from '@amb/domain/attachments';
import type { FileStorage } from '../../lib/file-storage/file-storage';
import { notFound } from '../../lib/app-error';
import type { ServiceContext } from '../context';
import { loadAttachmentFor } from './load-attachment';

export interface AttachmentFile {
  stream: Readable;
  size: number;
  /** What to send as Content-Type: the sniffed type for images shown inline, bytes for everything else. */
  contentType: string;
  /** The name to download as: the attachment's, with the version number before the extension for older versions. */
  fileName: string;
  inline: boolean;
}

/** One version's bytes, checked against the card's access at this moment (another team's file is "not found"). */
export async function readAttachmentFile(
  { db, actor }: ServiceContext,
  storage: FileStorage,
  attachmentId: string,
  number: number,
  { download = false } = {},
): Promise<AttachmentFile> {
  const { attachment } = await loadAttachmentFor(db, actor, attachmentId, 'view');
  const version = await db.attachmentVersion.findUnique({ where: { attachmentId_number: { attachmentId, number } } });
  if (!version) throw notFound('Version');
  const latest = await db.attachmentVersion.aggregate({ where: { attachmentId }, _max: { number: true } });
  const stream = await storage.get(version.storageKey);
  if (!stream) throw notFound('File');
  const inline = !download && showsInline(version.contentType);
  return {
    stream,
    size: version.size,
    contentType: showsInline(version.contentType) ? version.contentType : 'application/octet-stream',
    fileName: number === latest._max.number ? attachment.name : withVersion(attachment.name, number),
    inline,
  };
}

function withVersion(name: string, number: number) {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (version ${number})${name.slice(dot)}` : `${name} (version ${number})`;
}
