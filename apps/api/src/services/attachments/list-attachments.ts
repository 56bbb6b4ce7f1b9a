import type { AttachmentList } from '@amb/shared/attachments';
import { decideTeamAccess, teamAccess } from '../access/team-access';
import { loadCardFor } from '../cards/load-card';
import type { ServiceContext } from '../context';
import { attachmentInclude, toAttachment } from './attachment-view';

/** A card's attachments, newest first, each with all its versions. */
export async function listAttachments({ db, actor }: ServiceContext, cardId: string): Promise<AttachmentList> {
  const card = await loadCardFor(db, actor, cardId, 'view');
  const access = decideTeamAccess(await teamAccess(db, actor, card.teamId), 'view', 'Card');
  const rows = await db.attachment.findMany({
    where: { cardId },
    include: attachmentInclude,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
  return { attachments: rows.filter((r) => r.versions.length > 0).map((r) => toAttachment(r, access, actor.id)) };
}
