// A breach of a soft WIP limit is recorded from the moment a place holds more cards than its limit until it is
// back within it, with the most cards it held meanwhile. Moves keep it (the API) and the demo data replays it.

export type BreachChange = 'start' | 'peak' | 'end' | null;

/** What a place's breach record does now that it holds `count` cards: opens, raises its peak, closes, or nothing. */
export function breachChange(count: number, limit: number, open: { peakCount: number } | null): BreachChange {
  if (count > limit) return !open ? 'start' : count > open.peakCount ? 'peak' : null;
  return open ? 'end' : null;
}
