/**
 * The most one card may hold: generous for real work, and a bound on what one card costs to load, show and
 * stream. A card at a limit refuses more until something is removed.
 */
export const cardLimits = {
  comments: 1000,
  checklistItems: 500,
  /** Links from and to the card, together. */
  links: 200,
} as const;
export type CardLimitKind = keyof typeof cardLimits;

const what: Record<CardLimitKind, string> = { comments: 'comments', checklistItems: 'checklist items', links: 'links' };

/** Why one more is refused on a card holding `count`, or null when there is room. */
export function cardLimitProblem(
  kind: CardLimitKind,
  count: number,
  limits: Record<CardLimitKind, number> = cardLimits,
): string | null {
  const limit = limits[kind];
  return count >= limit
    ? `This card already has ${count} ${what[kind]}, the most a card may hold (${limit}); remove some first`
    : null;
}

/** How many comments the card panel shows at first, and per "older comments" page. */
export const COMMENTS_PAGE = 50;
