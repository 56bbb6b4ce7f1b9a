// Deciding a placement: where a card may go under the WIP limits, and its rank there. No database here: the
// situation is read by place-card.ts (under locks) or by move-card.ts (optimistically), and decided the same way.
import { needsRespread, rankBetween } from '@amb/domain/ranks';
import {
  admitCard,
  countsTowardPersonLimit,
  placesEntered,
  type FlowCategory,
  type WipOverage,
  type WipPlace,
  type WipPolicy,
} from '@amb/domain/wip';
import { AppError, invalidField } from '../../../lib/app-error';

export interface ColumnRow {
  id: string;
  board_id: string;
  name: string;
  wip_limit: number | null;
  wip_policy: WipPolicy;
  flow_category: FlowCategory;
  rank_epoch: number;
}
export interface SwimlaneRow {
  id: string;
  board_id: string;
  name: string;
  wip_limit: number | null;
  wip_policy: WipPolicy;
}

/** Where a card is (or nothing, for a new or archived card). */
export interface CardPlace {
  columnId: string;
  swimlaneId: string | null;
}

export interface Placement {
  boardId: string;
  /** The card being placed; null while creating it. */
  cardId: string | null;
  /** Where it is now, counting toward limits; null for a new or archived card. */
  from: CardPlace | null;
  /** The flow category of the column it is in now. */
  fromFlow?: FlowCategory;
  to: CardPlace;
  /** Right after this card; 'top' or 'bottom' of the column. */
  after: string | 'top' | 'bottom';
  /** The request field that named `after`, for a precise 400. */
  afterField?: string;
  actorId: string;
  teamId: string;
  /** The owners a new card is created with: it counts against their limits when it starts in progress. */
  ownerIds?: string[];
}

export interface PlacementResult {
  rank: string;
  target: ColumnRow;
  targetLane: SwimlaneRow | null;
  overLimit: WipOverage[];
}

/** An owner of the card with a personal WIP limit, and how many open cards they own in progress, not counting this one. */
export interface OwnerLimitRow {
  user_id: string;
  name: string;
  wip_limit: number;
  wip_policy: WipPolicy;
  count: number;
}

/** What a placement is decided on: the place it enters, the counts there, and the ranks either side. */
export interface Situation {
  target: ColumnRow;
  targetLane: SwimlaneRow | null;
  /** The card's owners with a limit, when the placement counts against their limits (null or absent otherwise). */
  owners?: OwnerLimitRow[] | null;
  columnCount: number;
  laneCount: number;
  above: string | null;
  below: string | null;
}

export interface PlacementDecision {
  /** The limited places the card enters, with their counts: what the decision rests on. */
  places: WipPlace[];
  overLimit: WipOverage[];
  /** The card's new rank; null when the column's ranks must be spread out first. */
  rank: string | null;
}

/** The target column and swimlane must be on the card's board. */
export function checkTarget(
  p: Placement,
  target: ColumnRow | null | undefined,
  lane: SwimlaneRow | null | undefined,
): asserts target is ColumnRow {
  if (!target || target.board_id !== p.boardId)
    throw invalidField('body.columnId', 'must be a column of this card’s board');
  if (p.to.swimlaneId && (!lane || lane.board_id !== p.boardId))
    throw invalidField('body.swimlaneId', 'must be a swimlane of this card’s board');
}

/**
 * Decides a placement under the WIP limits and finds the rank; throws the 400 or 409 a person should see.
 * `random` varies the rank within its gap, for a placement made without holding the column's lock.
 */
export function decidePlacement(p: Placement, s: Situation, random?: () => number): PlacementDecision {
  if (p.after !== 'top' && p.after !== 'bottom' && s.above === null) {
    throw invalidField(
      p.afterField ?? 'body.afterCardId',
      'must be an open card in the target column, other than the card moved',
    );
  }
  const { target, targetLane } = s;
  const places: WipPlace[] = placesEntered({
    from: p.from && p.fromFlow ? { ...p.from, flowCategory: p.fromFlow } : null,
    column: {
      id: target.id,
      name: target.name,
      wipLimit: target.wip_limit,
      wipPolicy: target.wip_policy,
      flowCategory: target.flow_category,
    },
    swimlane: targetLane && {
      id: targetLane.id,
      name: targetLane.name,
      wipLimit: targetLane.wip_limit,
      wipPolicy: targetLane.wip_policy,
    },
    columnCount: s.columnCount,
    swimlaneCount: s.laneCount,
  });
  if (s.owners && countsTowardPersonLimit(p.from ? p.fromFlow : null, target.flow_category)) {
    for (const o of s.owners)
      places.push({
        scope: 'person',
        id: o.user_id,
        name: o.name,
        wipLimit: o.wip_limit,
        wipPolicy: o.wip_policy,
        count: o.count,
      });
  }
  const decision = admitCard(places);
  if (!decision.allowed) {
    throw new AppError('WIP_LIMIT_REACHED', decision.message, { details: { ...decision.refusedBy } });
  }
  const rank = rankBetween(s.above, s.below, random);
  return { places, overLimit: decision.overLimit, rank: needsRespread(rank) ? null : rank };
}

/** Owners joining a card in progress, under their limits: refused at a hard limit (409 naming the person), else the soft overages. */
export function admitOwners(owners: OwnerLimitRow[]): WipOverage[] {
  const decision = admitCard(
    owners.map((o) => ({
      scope: 'person' as const,
      id: o.user_id,
      name: o.name,
      wipLimit: o.wip_limit,
      wipPolicy: o.wip_policy,
      count: o.count,
    })),
  );
  if (!decision.allowed)
    throw new AppError('WIP_LIMIT_REACHED', decision.message, { details: { ...decision.refusedBy } });
  return decision.overLimit;
}
