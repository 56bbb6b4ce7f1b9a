// Capacity while planning: what the team can take on, and how the plan stands against it.

export interface Availability {
  daysOff: number;
}

/**
 * Capacity suggested from the average velocity of the last three sprints, scaled by how much of the sprint the
 * people can work: (working days − days off) summed over people, over working days × people.
 */
export function suggestCapacity(input: {
  workingDays: number;
  people: readonly Availability[];
  recentCompleted: readonly number[];
}): number | null {
  const last = input.recentCompleted.slice(-3);
  if (!last.length || input.workingDays <= 0) return null;
  const average = last.reduce((a, b) => a + b, 0) / last.length;
  if (!input.people.length) return Math.round(average);
  const possible = input.workingDays * input.people.length;
  const available = input.people.reduce((sum, p) => sum + Math.max(0, input.workingDays - p.daysOff), 0);
  return Math.round((average * available) / possible);
}

export type CapacityState = 'none' | 'under' | 'at' | 'over';

/** How committed points stand against capacity: shown live while planning, in colour and in words. */
export function capacityState(committed: number, capacity: number | null): CapacityState {
  if (capacity === null) return 'none';
  if (committed > capacity) return 'over';
  return committed === capacity ? 'at' : 'under';
}

/** Points per owner; a card with several owners counts fully for each, as each has to work on it. */
export function loadPerPerson(
  cards: readonly { estimate: number | null; ownerIds: readonly string[] }[],
): Map<string, number> {
  const load = new Map<string, number>();
  for (const c of cards) for (const o of c.ownerIds) load.set(o, (load.get(o) ?? 0) + (c.estimate ?? 0));
  return load;
}
