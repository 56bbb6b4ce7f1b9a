// Reordering by drag and drop: which card a dropped card ends up right after. The web app asks the API to
// place a card "after card X" (or at the top); these rules turn "dropped onto card Y" into that X.

/**
 * The card that will sit right above `movingId` when it is dropped onto `targetId` in a column listed in
 * board order (`columnOrder`, which may or may not hold the moving card). Dropped onto a card, the moving card
 * takes that card's place: it goes above it, except when it comes from higher up in the same column, where
 * it goes below it (as in every list people reorder by dragging). Null means the top of the column.
 */
export function afterCardForDrop(columnOrder: readonly string[], movingId: string, targetId: string): string | null {
  const from = columnOrder.indexOf(movingId);
  const to = columnOrder.indexOf(targetId);
  if (to < 0) throw new Error(`card ${targetId} is not in the column`);
  if (from >= 0 && from < to) return targetId;
  const others = columnOrder.filter((id) => id !== movingId);
  const index = others.indexOf(targetId);
  return index > 0 ? others[index - 1]! : null;
}

/** The card that will sit right above `movingId` when it is dropped below every card of a column: the last other card. */
export function afterCardAtEnd(columnOrder: readonly string[], movingId: string): string | null {
  for (let i = columnOrder.length - 1; i >= 0; i--) if (columnOrder[i] !== movingId) return columnOrder[i]!;
  return null;
}
