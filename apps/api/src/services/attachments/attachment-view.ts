import type { Attachment, AttachmentVersion } from '@amb/shared/attachments';
import { canManageAttachment, showsInline } from '@amb/domain/attachments';
import type { TeamAccess } from '@amb/domain/access';
import type { Prisma } from '../../db/prisma';

const person = { select: { id: true, name: true } } as const;

export const attachmentInclude = {
  uploader: person,
  versions: { orderBy: { number: 'desc' }, include: { uploader: person } },
} satisfies Prisma.AttachmentInclude;

type AttachmentRow = Prisma.AttachmentGetPayload<{ include: typeof attachmentInclude }>;
type VersionRow = AttachmentRow['versions'][number];

export const versionUrl = (attachmentId: string, number: number) =>
  `/api/attachments/${attachmentId}/versions/${number}/file`;

export const thumbnailUrl = (attachmentId: string, number: number) =>
  `/api/attachments/${attachmentId}/versions/${number}/thumbnail`;

function toVersion(attachmentId: string, v: VersionRow): AttachmentVersion {
  return {
    id: v.id,
    number: v.number,
    size: v.size,
    contentType: v.contentType,
    fileName: v.fileName,
    uploader: v.uploader,
    createdAt: v.createdAt.toISOString(),
    url: versionUrl(attachmentId, v.number),
    thumbnailUrl: showsInline(v.contentType) ? thumbnailUrl(attachmentId, v.number) : null,
  };
}

/** An attachment as the API answers it, with what the person asking may do with it. */
export function toAttachment(row: AttachmentRow, access: TeamAccess, actorId: string): Attachment {
  const versions = row.versions.map((v) => toVersion(row.id, v));
  return {
    id: row.id,
    cardId: row.cardId,
    name: row.name,
    uploader: row.uploader,
    createdAt: row.createdAt.toISOString(),
    latest: versions[0]!,
    versions,
    canManage: canManageAttachment(access, row.uploaderId === actorId),
  };
}
