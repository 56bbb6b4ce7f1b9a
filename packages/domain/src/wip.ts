// WIP limits. The API decides a move with `admitCard`; the web app calls the same function while a card
// is dragged, to show a column that will refuse it before it is dropped.

import type { FlowCategory } from './flow-categories';

export type { FlowCategory } from './flow-categories';
export type WipPolicy = 'SOFT' | 'HARD';

/** Where a WIP limit applies: a column, a swimlane, or a person (the cards they own in progress, on every board). */
export type WipScope = 'column' | 'swimlane' | 'person';

export interface WipPlace {
  scope: WipScope;
  id: string;
  name: string;
  wipLimit: number | null;
  wipPolicy: WipPolicy;
  /** Open cards in it now, not counting the card being moved. */
  count: number;
}

export interface WipOverage {
  scope: WipScope;
  id: string;
  name: string;
  limit: number;
  /** Cards it would hold with the moved card. */
  count: number;
}

export type WipDecision =
  | { allowed: true; /** Soft limits the move takes (or keeps) over their limit. */ overLimit: WipOverage[] }
  | { allowed: false; refusedBy: WipOverage; message: string };

/** Work under way: cards in to-do and in-progress columns, not in the backlog and not done. */
export function isWorkUnderWay(flowCategory: FlowCategory): boolean {
  return flowCategory === 'TODO' || flowCategory === 'IN_PROGRESS';
}

/**
 * A swimlane's limit counts only work under way: cards in its backlog and done columns do not count.
 * SQL twin: counts_toward_swimlane_limit() in prisma/sql/functions.
 */
export function countsTowardSwimlaneLimit(flowCategory: FlowCategory): boolean {
  return isWorkUnderWay(flowCategory);
}

/** The open cards of a swimlane that count toward its WIP limit (those in to-do and in-progress columns). */
export function swimlaneWipCount(
  cards: readonly { swimlaneId: string | null; columnId: string }[],
  swimlaneId: string,
  flowOf: (columnId: string) => FlowCategory,
): number {
  let count = 0;
  for (const card of cards)
    if (card.swimlaneId === swimlaneId && countsTowardSwimlaneLimit(flowOf(card.columnId))) count++;
  return count;
}

export interface WipColumn {
  id: string;
  name: string;
  wipLimit: number | null;
  wipPolicy: WipPolicy;
  flowCategory: FlowCategory;
}

export interface WipSwimlane {
  id: string;
  name: string;
  wipLimit: number | null;
  wipPolicy: WipPolicy;
}

export interface PlacementWip {
  /** Where the card is now, or null for a new (or archived) card that counts nowhere yet. */
  from: { columnId: string; swimlaneId: string | null; flowCategory: FlowCategory } | null;
  column: WipColumn;
  swimlane: WipSwimlane | null;
  /** Open cards in the target column now, not counting the card placed. */
  columnCount: number;
  /** Open cards counting toward the target swimlane's limit now, not counting the card placed. */
  swimlaneCount: number;
}

/**
 * The limited places a card enters when placed in a column (and swimlane), with their counts: what `admitCard`
 * decides on. A card already counted in a place does not enter it again, so reordering within a full column,
 * or moving along a full swimlane between columns that count, is never refused.
 */
export function placesEntered(p: PlacementWip): WipPlace[] {
  const places: WipPlace[] = [];
  const { column, swimlane } = p;
  if (column.wipLimit !== null && p.from?.columnId !== column.id) {
    places.push({
      scope: 'column',
      id: column.id,
      name: column.name,
      wipLimit: column.wipLimit,
      wipPolicy: column.wipPolicy,
      count: p.columnCount,
    });
  }
  const countedInLaneBefore = Boolean(
    p.from && p.from.swimlaneId === swimlane?.id && countsTowardSwimlaneLimit(p.from.flowCategory),
  );
  if (
    swimlane &&
    swimlane.wipLimit !== null &&
    countsTowardSwimlaneLimit(column.flowCategory) &&
    !countedInLaneBefore
  ) {
    places.push({
      scope: 'swimlane',
      id: swimlane.id,
      name: swimlane.name,
      wipLimit: swimlane.wipLimit,
      wipPolicy: swimlane.wipPolicy,
      count: p.swimlaneCount,
    });
  }
  return places;
}

/** Whether a place is exactly full (the next card would break the limit), over it, or within it. */
export function wipState(count: number, wipLimit: number | null): 'within' | 'at-limit' | 'over-limit' {
  if (wipLimit === null || count < wipLimit) return 'within';
  return count === wipLimit ? 'at-limit' : 'over-limit';
}

/**
 * A person's limit counts the open cards they own in in-progress columns, on every board: a card counts against
 * it when it enters an in-progress column from a column that is not (or from nowhere: new, restored, or simply
 * counted where it is). SQL twin: counts_toward_person_limit() in prisma/sql/functions.
 */
export function countsTowardPersonLimit(fromFlow: FlowCategory | null | undefined, toFlow: FlowCategory): boolean {
  return toFlow === 'IN_PROGRESS' && fromFlow !== 'IN_PROGRESS';
}

export function refusalMessage(place: WipOverage): string {
  if (place.scope === 'person') {
    const owned = place.count - 1 === 1 ? '1 card' : `${place.count - 1} cards`;
    return `${place.name} is at their hard WIP limit of ${place.limit} (they own ${owned} in progress)`;
  }
  const what = place.scope === 'column' ? 'Column' : 'Swimlane';
  const cards = place.count - 1 === 1 ? '1 card' : `${place.count - 1} cards`;
  return `${what} "${place.name}" is at its hard WIP limit of ${place.limit} (it holds ${cards})`;
}

/** Whether a card may enter the given places (its target column and, where it counts, its swimlane). */
export function admitCard(places: WipPlace[]): WipDecision {
  const overLimit: WipOverage[] = [];
  for (const place of places) {
    if (place.wipLimit === null) continue;
    const after = place.count + 1;
    if (after <= place.wipLimit) continue;
    const overage = { scope: place.scope, id: place.id, name: place.name, limit: place.wipLimit, count: after };
    if (place.wipPolicy === 'HARD') return { allowed: false, refusedBy: overage, message: refusalMessage(overage) };
    overLimit.push(overage);
  }
  return { allowed: true, overLimit };
}

/** Over its limit right now (a soft limit can be exceeded; the board shows it). */
export function isOverLimit(count: number, wipLimit: number | null): boolean {
  return wipLimit !== null && count > wipLimit;
}
