import type { Attachment } from '@amb/shared/attachments';
import { activityKinds } from '@amb/shared/activity';
import { recordActivity } from '../activity/record-activity';
import { resetApprovalsFor } from '../approvals/reset-approvals';
import type { ServiceContext } from '../context';
import { attachmentInclude, toAttachment } from './attachment-view';
import { loadAttachmentFor } from './load-attachment';
import { saveUpload, storeUpload, type UploadOptions } from './store-upload';

/**
 * Uploads a new version of an attachment: the card shows it from now on, earlier versions stay downloadable. The
 * attachment keeps its name; the version remembers the file's own.
 */
export async function addAttachmentVersion(
  { db, actor }: ServiceContext,
  attachmentId: string,
  options: UploadOptions,
): Promise<Attachment> {
  const { attachment, access, teamId } = await loadAttachmentFor(db, actor, attachmentId, 'work');
  const upload = await storeUpload(db, options);
  const row = await saveUpload(db, options.storage, upload, options.limits, async (tx) => {
    // Numbered under the attachment's row lock, so two versions uploaded at once get 2 and 3, not 2 twice.
    await tx.$queryRaw`SELECT id FROM attachments WHERE id = ${attachmentId} FOR UPDATE`;
    const last = await tx.attachmentVersion.aggregate({ where: { attachmentId }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const version = await tx.attachmentVersion.create({
      data: {
        attachmentId,
        number,
        storageKey: upload.storageKey,
        size: upload.size,
        contentType: upload.contentType,
        fileName: upload.fileName,
        uploaderId: actor.id,
      },
    });
    const subject = {
      actorId: actor.id,
      teamId,
      boardId: attachment.card.boardId,
      cardId: attachment.cardId,
      sprintId: attachment.card.sprintId,
    };
    await recordActivity(tx, {
      ...subject,
      kind: activityKinds.attachmentVersionAdded,
      to: { attachmentId, versionId: version.id, number, name: attachment.name, size: upload.size },
    });
    await resetApprovalsFor(tx, attachmentId, number, subject);
    return tx.attachment.findUniqueOrThrow({ where: { id: attachmentId }, include: attachmentInclude });
  });
  return toAttachment(row, access, actor.id);
}
