// WIP limits. The API decides a move with `admitCard`; the web app calls the same function while a card
// is dragged, to show a column that will refuse it before it is dropped.

export type WipPolicy = 'SOFT' | 'HARD';
export type FlowCategory = 'BACKLOG' | 'TODO' | 'IN_PROGRESS' | 'DONE';

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

/** A swimlane's limit counts only work under way: cards in its backlog and done columns do not count. */
export function countsTowardSwimlaneLimit(flowCategory: FlowCategory): boolean {
  return flowCategory === 'TODO' || flowCategory === 'IN_PROGRESS';
}

/**
 * A person's limit counts the open cards they own in in-progress columns, on every board: a card counts against
 * it when it enters an in-progress column from a column that is not.
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
