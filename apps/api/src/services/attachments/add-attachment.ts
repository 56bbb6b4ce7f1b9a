import type { Attachment } from '@amb/shared/attachments';
import { activityKinds } from '@amb/shared/activity';
import { recordActivity } from '../activity/record-activity';
import { loadOpenCardFor } from '../cards/load-card';
import { decideTeamAccess, teamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { attachmentInclude, toAttachment } from './attachment-view';
import { saveUpload, storeUpload, type UploadOptions } from './store-upload';

/** Attaches the request's file to a card as a new attachment (its version 1), logged in the card's history. */
export async function addAttachment(
  { db, actor }: ServiceContext,
  cardId: string,
  options: UploadOptions,
): Promise<Attachment> {
  const card = await loadOpenCardFor(db, actor, cardId, 'work');
  const access = decideTeamAccess(await teamAccess(db, actor, card.teamId), 'work', 'Card');
  const upload = await storeUpload(db, options);
  const row = await saveUpload(db, options.storage, upload, options.limits, async (tx) => {
    const attachment = await tx.attachment.create({
      data: {
        cardId,
        name: upload.fileName,
        uploaderId: actor.id,
        versions: {
          create: {
            number: 1,
            storageKey: upload.storageKey,
            size: upload.size,
            contentType: upload.contentType,
            fileName: upload.fileName,
            uploaderId: actor.id,
          },
        },
      },
      include: attachmentInclude,
    });
    await recordActivity(tx, {
      actorId: actor.id,
      teamId: card.teamId,
      boardId: card.boardId,
      cardId,
      sprintId: card.sprintId,
      kind: activityKinds.attachmentAdded,
      to: {
        attachmentId: attachment.id,
        versionId: attachment.versions[0]!.id,
        name: attachment.name,
        size: upload.size,
      },
    });
    return attachment;
  });
  return toAttachment(row, access, actor.id);
}
