import type { Attachment } from '@amb/shared/attachments';
import { activityKinds } from '@amb/shared/activity';
import { canManageAttachment, cleanFileName } from '@amb/domain/attachments';
import { AppError } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { attachmentInclude, toAttachment } from './attachment-view';
import { loadAttachmentFor } from './load-attachment';

const onlyManagers = () =>
  new AppError('FORBIDDEN', 'Only the person who attached this file, a scrum master or an admin can change it');

async function loadForChange(ctx: ServiceContext, attachmentId: string) {
  const loaded = await loadAttachmentFor(ctx.db, ctx.actor, attachmentId, 'work');
  if (!canManageAttachment(loaded.access, loaded.attachment.uploaderId === ctx.actor.id)) throw onlyManagers();
  return loaded;
}

/** Renames an attachment (the name shown and downloaded as; stored files keep their keys). */
export async function renameAttachment(
  ctx: ServiceContext,
  attachmentId: string,
  rawName: string,
): Promise<Attachment> {
  const { attachment, access, teamId } = await loadForChange(ctx, attachmentId);
  const name = cleanFileName(rawName);
  const row = await ctx.db.$transaction(async (tx) => {
    const updated = await tx.attachment.update({
      where: { id: attachmentId },
      data: { name },
      include: attachmentInclude,
    });
    if (name !== attachment.name)
      await recordActivity(tx, {
        actorId: ctx.actor.id,
        teamId,
        boardId: attachment.card.boardId,
        cardId: attachment.cardId,
        sprintId: attachment.card.sprintId,
        kind: activityKinds.attachmentRenamed,
        from: { attachmentId, name: attachment.name },
        to: { attachmentId, name },
      });
    return updated;
  });
  return toAttachment(row, access, ctx.actor.id);
}

/**
 * Deletes an attachment with every version. Their stored bytes are queued for removal by the database itself
 * (`queue_file_deletion`) in the same transaction, and removed in the background after the commit.
 */
export async function deleteAttachment(ctx: ServiceContext, attachmentId: string): Promise<void> {
  const { attachment, teamId } = await loadForChange(ctx, attachmentId);
  const subject = {
    actorId: ctx.actor.id,
    teamId,
    boardId: attachment.card.boardId,
    cardId: attachment.cardId,
    sprintId: attachment.card.sprintId,
  };
  await ctx.db.$transaction(async (tx) => {
    // The card's cover goes with it (the database would empty it too): said in the history, as a change of the card.
    const uncovered = await tx.card.updateMany({
      where: { coverAttachmentId: attachmentId },
      data: { coverAttachmentId: null, version: { increment: 1 } },
    });
    await tx.attachment.delete({ where: { id: attachmentId } });
    await recordActivity(tx, {
      ...subject,
      kind: activityKinds.attachmentRemoved,
      from: { attachmentId, name: attachment.name },
    });
    if (uncovered.count)
      await recordActivity(tx, {
        ...subject,
        kind: activityKinds.cardCoverChanged,
        from: { attachmentId, name: attachment.name },
        to: null,
      });
  });
}
