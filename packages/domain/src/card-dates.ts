/**
 * A card may span days, from its start date to its due date (an event, a campaign push). Either may be missing;
 * when both are set the start may not come after the due date. Dates compare as instants.
 */
export function cardDatesProblem(startDate: Date | null, dueDate: Date | null): string | null {
  if (!startDate || !dueDate) return null;
  return startDate.getTime() > dueDate.getTime() ? 'must not be after the due date' : null;
}
