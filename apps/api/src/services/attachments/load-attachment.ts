import type { TeamAction } from '@amb/domain/access';
import type { Db } from '../../db/prisma';
import { cardArchived, notFound } from '../../lib/app-error';
import { decideTeamAccess, teamAccess } from '../access/team-access';
import type { Actor } from '../context';

/**
 * The attachment a request is about, once the actor may take `action` on its card's team: someone who cannot see
 * the team learns nothing (404), someone who sees it but may not act gets 403.
 */
export async function loadAttachmentFor(db: Db, actor: Actor, attachmentId: string, action: TeamAction) {
  const attachment = await db.attachment.findUnique({
    where: { id: attachmentId },
    include: {
      card: {
        select: { id: true, boardId: true, sprintId: true, archivedAt: true, board: { select: { teamId: true } } },
      },
    },
  });
  if (!attachment) throw notFound('Attachment');
  const access = decideTeamAccess(await teamAccess(db, actor, attachment.card.board.teamId), action, 'Attachment');
  if (action !== 'view' && attachment.card.archivedAt) throw cardArchived();
  return { attachment, access, teamId: attachment.card.board.teamId };
}
