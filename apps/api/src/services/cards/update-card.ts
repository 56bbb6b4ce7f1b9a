import { activityKinds, type BlockerCategory } from '@amb/shared/activity';
import type { CardUpdateResult, CardWriteResult, UpdateCardBody } from '@amb/shared/cards';
import type { Prisma } from '../../db/prisma';
import { cardDatesProblem } from '@amb/domain/card-dates';
import { invalidField } from '../../lib/app-error';
import { recordActivity, type ActivityEntry, type ActivitySubject } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { requireSprintPlanner } from '../sprints/sprint-access';
import { admitOwners } from './placement/decide-placement';
import { lockPersonLimits } from './placement/person-limits';
import { cardSummaryInclude, toCardSummary } from './card-summary';
import { loadOpenCardFor, staleVersion } from './load-card';
import { noPmoHandling } from '../obstacles/pmo-handling';
import { unreachedMentions } from '../notifications/mention-names';

const dateAfter = (given: string | null | undefined, stored: Date | null) =>
  given === undefined ? stored : given === null ? null : new Date(given);

const updatedFields = ['title', 'description', 'type', 'labels', 'hypothesis', 'metric', 'experimentResult'] as const;

interface Blocking {
  blocked: boolean;
  blockedReason: string | null;
  blockerCategory: string | null;
}

/** Blocking, unblocking, or a new reason or category while blocked: the card's fields and the entry that says so. */
function blocking(
  current: Blocking,
  body: UpdateCardBody,
  data: Prisma.CardUncheckedUpdateManyInput,
  base: ActivitySubject,
): ActivityEntry[] {
  const was = { reason: current.blockedReason, category: current.blockerCategory as BlockerCategory | null };
  const blocked = body.blocked ?? current.blocked;
  if (!blocked) {
    if (!current.blocked) return [];
    // A cleared obstacle leaves the PMO's list with it.
    Object.assign(data, {
      blocked: false,
      blockedSince: null,
      blockedReason: null,
      blockerCategory: null,
      escalatedAt: null,
      ...noPmoHandling,
    });
    return [{ ...base, kind: activityKinds.cardUnblocked, from: was }];
  }
  const now = {
    reason: body.blockedReason !== undefined ? body.blockedReason : was.reason,
    category: body.blockerCategory !== undefined ? body.blockerCategory : was.category,
  };
  if (current.blocked && now.reason === was.reason && now.category === was.category) return [];
  Object.assign(
    data,
    { blocked: true, blockedReason: now.reason, blockerCategory: now.category },
    current.blocked ? {} : { blockedSince: new Date() },
  );
  return [{ ...base, kind: activityKinds.cardBlocked, to: now }];
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Edits a card's fields; each change becomes one history entry of its kind. Based on a stale version, it is refused.
 * People a new description mentions who cannot read the card are not told; the answer names them back to the writer.
 */
export async function updateCard(
  { db, actor }: ServiceContext,
  cardId: string,
  body: UpdateCardBody,
): Promise<CardUpdateResult> {
  const card = await loadOpenCardFor(db, actor, cardId, 'work');
  if (card.version !== body.version) throw await staleVersion(db, cardId);
  const current = await db.card.findUniqueOrThrow({ where: { id: cardId }, include: cardSummaryInclude });

  if (body.ownerIds?.length) {
    const members = await db.membership.count({ where: { teamId: card.teamId, userId: { in: body.ownerIds } } });
    if (members !== new Set(body.ownerIds).size)
      throw invalidField('body.ownerIds', 'must all be members of the card’s team');
  }
  if (body.principleIds?.length) {
    const found = await db.principle.count({ where: { id: { in: body.principleIds }, archivedAt: null } });
    if (found !== new Set(body.principleIds).size)
      throw invalidField('body.principleIds', 'must all be principles in use');
  }
  if (body.sprintId !== undefined && body.sprintId !== current.sprintId)
    await requireSprintPlanner(db, actor, card.teamId);
  if (body.sprintId) {
    const sprint = await db.sprint.findFirst({
      where: { id: body.sprintId, teamId: card.teamId },
      select: { state: true },
    });
    if (!sprint) throw invalidField('body.sprintId', 'must be a sprint of the card’s team');
    if (sprint.state === 'CLOSED') throw invalidField('body.sprintId', 'must not be a closed sprint');
  }

  const campaignAfter =
    body.campaignId !== undefined && body.campaignId !== current.campaignId && body.campaignId !== null
      ? await db.campaign.findUnique({ where: { id: body.campaignId }, select: { id: true, name: true } })
      : null;
  if (body.campaignId && body.campaignId !== current.campaignId && !campaignAfter)
    throw invalidField('body.campaignId', 'must be a campaign of the organisation');

  // The start is compared with the due date the card will have: the one given, or the stored one.
  const datesProblem = cardDatesProblem(
    dateAfter(body.startDate, current.startDate),
    dateAfter(body.dueDate, current.dueDate),
  );
  if (datesProblem) throw invalidField('body.startDate', datesProblem);

  const data: Prisma.CardUncheckedUpdateManyInput = {};
  const history: ActivityEntry[] = [];
  const sprintAfter = body.sprintId !== undefined ? body.sprintId : current.sprintId;
  const base = { actorId: actor.id, teamId: card.teamId, boardId: card.boardId, cardId, sprintId: sprintAfter };
  for (const field of updatedFields) {
    const next = body[field];
    if (next === undefined) continue;
    const before = current[field];
    if (JSON.stringify(before) === JSON.stringify(next)) continue;
    (data as Record<string, unknown>)[field] = next;
    history.push({ ...base, kind: activityKinds.cardUpdated, field, from: before, to: next });
  }
  if (body.estimate !== undefined && body.estimate !== current.estimate) {
    data.estimate = body.estimate;
    history.push({
      ...base,
      kind: activityKinds.cardEstimateChanged,
      from: { points: current.estimate },
      to: { points: body.estimate },
    });
  }
  if (body.sprintId !== undefined && body.sprintId !== current.sprintId) {
    data.sprintId = body.sprintId;
    history.push({
      ...base,
      kind: activityKinds.cardSprintChanged,
      from: { sprintId: current.sprintId },
      to: { sprintId: body.sprintId },
    });
  }
  if (body.campaignId !== undefined && body.campaignId !== current.campaignId) {
    data.campaignId = body.campaignId;
    const before = current.campaignId
      ? await db.campaign.findUnique({ where: { id: current.campaignId }, select: { id: true, name: true } })
      : null;
    history.push({
      ...base,
      kind: activityKinds.cardCampaignChanged,
      from: before && { campaignId: before.id, name: before.name },
      to: campaignAfter && { campaignId: campaignAfter.id, name: campaignAfter.name },
    });
  }
  for (const field of ['startDate', 'dueDate'] as const) {
    const given = body[field];
    if (given === undefined) continue;
    const next = given === null ? null : new Date(given);
    if ((current[field]?.getTime() ?? null) !== (next?.getTime() ?? null)) {
      data[field] = next;
      history.push({
        ...base,
        kind: activityKinds.cardUpdated,
        field,
        from: current[field]?.toISOString() ?? null,
        to: next?.toISOString() ?? null,
      });
    }
  }
  history.push(...blocking(current, body, data, base));
  const ownersBefore = current.owners.map((o) => o.userId);
  const ownersChange = body.ownerIds && !sameSet(ownersBefore, body.ownerIds);
  if (ownersChange)
    history.push({
      ...base,
      kind: activityKinds.cardUpdated,
      field: 'ownerIds',
      from: ownersBefore,
      to: body.ownerIds!,
    });
  const principlesBefore = current.principles.map((p) => p.principleId);
  const principlesChange = body.principleIds && !sameSet(principlesBefore, body.principleIds);
  if (principlesChange)
    history.push({
      ...base,
      kind: activityKinds.cardUpdated,
      field: 'principleIds',
      from: principlesBefore,
      to: body.principleIds!,
    });

  const result = await db.$transaction(async (tx) => {
    const updated = await tx.card.updateMany({
      where: { id: cardId, version: body.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) return null;
    let overLimit: CardWriteResult['overLimit'] = [];
    if (ownersChange) {
      // People who join a card in progress take on one more card: their limits are checked under their row locks,
      // as a move into progress checks them, so concurrent writes cannot both pass a hard limit.
      const added = [...new Set(body.ownerIds)].filter((id) => !ownersBefore.includes(id));
      const [place] = added.length
        ? await tx.$queryRaw<
            { flow_category: string }[]
          >`SELECT k.flow_category::text AS flow_category FROM cards c JOIN columns k ON k.id = c.column_id WHERE c.id = ${cardId}`
        : [];
      if (place?.flow_category === 'IN_PROGRESS') overLimit = admitOwners(await lockPersonLimits(tx, added, cardId));
      await tx.cardOwner.deleteMany({ where: { cardId } });
      await tx.cardOwner.createMany({ data: [...new Set(body.ownerIds)].map((userId) => ({ cardId, userId })) });
    }
    if (principlesChange) {
      await tx.cardPrinciple.deleteMany({ where: { cardId } });
      await tx.cardPrinciple.createMany({
        data: [...new Set(body.principleIds)].map((principleId) => ({ cardId, principleId })),
      });
    }
    await recordActivity(tx, ...history);
    return {
      card: toCardSummary(await tx.card.findUniqueOrThrow({ where: { id: cardId }, include: cardSummaryInclude })),
      overLimit,
    };
  });
  if (!result) throw await staleVersion(db, cardId);
  const unreached =
    data.description !== undefined
      ? await unreachedMentions(db, card.teamId, current.description, body.description!)
      : [];
  return { ...result, unreachedMentions: unreached };
}
