import type { CardApproval } from '@amb/shared/approvals';
import { loadCardFor } from '../cards/load-card';
import type { ServiceContext } from '../context';
import { approvalInclude, toApproval } from './approval-view';

/** The card's current approval and where it stands, or null when none was asked for. */
export async function getApproval({ db, actor }: ServiceContext, cardId: string): Promise<CardApproval> {
  await loadCardFor(db, actor, cardId, 'view');
  const row = await db.approvalRequest.findUnique({ where: { cardId }, include: approvalInclude });
  return { approval: row ? toApproval(row, actor.id) : null };
}
