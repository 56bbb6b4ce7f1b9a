import type { CardSummary } from '@amb/shared/boards';
import { approvalStanding } from '@amb/domain/approvals';
import type { Prisma } from '../../db/prisma';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What to load for a card's summary: pass as `include` (or `select` merged with the card's scalars). */
export const cardSummaryInclude = {
  owners: { select: { userId: true }, orderBy: { userId: 'asc' } },
  principles: { select: { principleId: true }, orderBy: { principleId: 'asc' } },
  approval: { select: { approvers: { select: { decision: true } } } },
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
    dueDate: iso(c.dueDate),
    labels: c.labels,
    blocked: c.blocked,
    blockedReason: c.blockedReason,
    blockedSince: iso(c.blockedSince),
    hypothesis: c.hypothesis,
    experimentResult: c.experimentResult,
    ownerIds: c.owners.map((o) => o.userId),
    principleIds: c.principles.map((p) => p.principleId),
    approval: c.approval?.approvers.length ? approvalStanding(c.approval.approvers.map((a) => a.decision)) : null,
    version: c.version,
    updatedAt: c.updatedAt.toISOString(),
  };
}
