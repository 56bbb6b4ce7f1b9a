import type { PlanningCard } from '@amb/shared/sprints';
import type { Prisma } from '../../db/prisma';

/** What to load for a card on the backlog or the planning screen. */
export const planningCardInclude = {
  column: { select: { name: true, flowCategory: true } },
  owners: { select: { userId: true, user: { select: { name: true } } } },
  principles: { select: { principleId: true, principle: { select: { name: true } } } },
} satisfies Prisma.CardInclude;

export function toPlanningCard(c: Prisma.CardGetPayload<{ include: typeof planningCardInclude }>): PlanningCard {
  return {
    id: c.id,
    title: c.title,
    columnName: c.column.name,
    flowCategory: c.column.flowCategory,
    estimate: c.estimate,
    blocked: c.blocked,
    blockedReason: c.blockedReason,
    ownerIds: c.owners.map((o) => o.userId),
    ownerNames: c.owners.map((o) => o.user.name),
    labels: c.labels,
    principleIds: c.principles.map((p) => p.principleId),
    principleNames: c.principles.map((p) => p.principle.name),
    version: c.version,
  };
}
