import type { CardSummary } from '@amb/shared/boards';
import { approvalStanding } from '@amb/domain/approvals';
import { inlineImageTypes } from '@amb/domain/attachments';
import type { Prisma } from '../../db/prisma';
import { thumbnailUrl } from '../attachments/attachment-view';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What to load for a card's summary: pass as `include` (or `select` merged with the card's scalars). */
export const cardSummaryInclude = {
  owners: { select: { userId: true }, orderBy: { userId: 'asc' } },
  principles: { select: { principleId: true }, orderBy: { principleId: 'asc' } },
  approval: { select: { approvers: { select: { decision: true } } } },
  // The newest version that is an image: a PDF uploaded as a new version leaves the last picture on the card's face.
  cover: {
    select: {
      id: true,
      versions: {
        where: { contentType: { in: [...inlineImageTypes] } },
        select: { number: true },
        orderBy: { number: 'desc' },
        take: 1,
      },
    },
  },
} satisfies Prisma.CardInclude;

export type CardWithSummaryRelations = Prisma.CardGetPayload<{ include: typeof cardSummaryInclude }>;

/** A card as the board shows it: the same JSON as the database's card_summary() (test/card-summary.test.ts holds them together). */
export function toCardSummary(c: CardWithSummaryRelations): CardSummary {
  return {
    id: c.id,
    columnId: c.columnId,
    swimlaneId: c.swimlaneId,
    sprintId: c.sprintId,
    type: c.type,
    title: c.title,
    rank: c.rank,
    estimate: c.estimate,
    startDate: iso(c.startDate),
    dueDate: iso(c.dueDate),
    labels: c.labels,
    blocked: c.blocked,
    blockedReason: c.blockedReason,
    blockedSince: iso(c.blockedSince),
    hypothesis: c.hypothesis,
    experimentResult: c.experimentResult,
    campaignId: c.campaignId,
    ownerIds: c.owners.map((o) => o.userId),
    principleIds: c.principles.map((p) => p.principleId),
    approval: c.approval?.approvers.length ? approvalStanding(c.approval.approvers.map((a) => a.decision)) : null,
    cover: c.cover?.versions[0]
      ? { attachmentId: c.cover.id, thumbnailUrl: thumbnailUrl(c.cover.id, c.cover.versions[0].number) }
      : null,
    version: c.version,
    updatedAt: c.updatedAt.toISOString(),
  };
}
