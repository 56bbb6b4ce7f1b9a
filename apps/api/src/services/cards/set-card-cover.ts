import { showsInline } from '@amb/domain/attachments';
import { activityKinds } from '@amb/shared/activity';
import type { CardSummary } from '@amb/shared/boards';
import { invalidField } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { cardSummaryInclude, toCardSummary } from './card-summary';
import { loadOpenCardFor } from './load-card';

/**
 * Shows one of the card's image attachments on its face on the board, or none (null). Logged in the card's history
 * in the same transaction; the entry also sends the card's new face to everyone watching the board.
 */
export async function setCardCover(
  { db, actor }: ServiceContext,
  cardId: string,
  attachmentId: string | null,
): Promise<CardSummary> {
  const card = await loadOpenCardFor(db, actor, cardId, 'work');
  const next = attachmentId
    ? await db.attachment.findFirst({
        where: { id: attachmentId, cardId },
        select: {
          id: true,
          name: true,
          versions: { select: { contentType: true }, orderBy: { number: 'desc' }, take: 1 },
        },
      })
    : null;
  if (attachmentId && !next) throw invalidField('body.attachmentId', 'must be an attachment of this card');
  if (next && !showsInline(next.versions[0]?.contentType ?? ''))
    throw invalidField('body.attachmentId', 'must be an image (PNG, JPEG, GIF or WebP)');
  return db.$transaction(async (tx) => {
    // The card's row lock orders covers set at once: each entry's "from" is what the one before it left.
    const [current] = await tx.$queryRaw<
      { cover_attachment_id: string | null; name: string | null }[]
    >`SELECT c.cover_attachment_id, a.name FROM cards c LEFT JOIN attachments a ON a.id = c.cover_attachment_id
      WHERE c.id = ${cardId} FOR UPDATE OF c`;
    const before = current?.cover_attachment_id ?? null;
    if (before !== attachmentId) {
      await tx.card.update({
        where: { id: cardId },
        data: { coverAttachmentId: attachmentId, version: { increment: 1 } },
      });
      await recordActivity(tx, {
        actorId: actor.id,
        teamId: card.teamId,
        boardId: card.boardId,
        cardId,
        sprintId: card.sprintId,
        kind: activityKinds.cardCoverChanged,
        from: before ? { attachmentId: before, name: current!.name ?? '' } : null,
        to: next ? { attachmentId: next.id, name: next.name } : null,
      });
    }
    return toCardSummary(await tx.card.findUniqueOrThrow({ where: { id: cardId }, include: cardSummaryInclude }));
  });
}
