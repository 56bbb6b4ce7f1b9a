// The sprint retrospective's rules: how many dots a person may place, and the order notes are read in.

export const retrospectiveGroups = ['WENT_WELL', 'TO_IMPROVE', 'ACTION'] as const;
export type RetrospectiveGroup = (typeof retrospectiveGroups)[number];

export const NOTE_MAX_LENGTH = 500;
export const DEFAULT_VOTES_PER_PERSON = 3;
export const MAX_VOTES_PER_PERSON = 20;

/** One person's dots on one note. */
export interface Dots {
  noteId: string;
  userId: string;
  dots: number;
}

/**
 * Dots a person has left to place. A person may put several of their dots on one note (dot voting as teams do it on
 * a wall: a strong feeling counts more), so only the total counts against the allowance.
 */
export function dotsLeft(votes: readonly Dots[], userId: string, allowance: number): number {
  const used = votes.filter((v) => v.userId === userId).reduce((sum, v) => sum + v.dots, 0);
  return Math.max(0, allowance - used);
}

/**
 * Whether a person may set their dots on a note to `dots` (0 takes them all back): their dots on every other note
 * plus these must stay within the allowance. Returns null when allowed, or what is wrong.
 */
export function checkDots(
  votes: readonly Dots[],
  p: { userId: string; noteId: string; dots: number; allowance: number },
): { available: number } | null {
  const elsewhere = votes
    .filter((v) => v.userId === p.userId && v.noteId !== p.noteId)
    .reduce((sum, v) => sum + v.dots, 0);
  const available = Math.max(0, p.allowance - elsewhere);
  return p.dots <= available ? null : { available };
}

/** The most dots any one person has placed in the retrospective (0 before anyone votes). */
export function mostDotsPlaced(votes: readonly Dots[]): number {
  const byPerson = new Map<string, number>();
  for (const v of votes) byPerson.set(v.userId, (byPerson.get(v.userId) ?? 0) + v.dots);
  return Math.max(0, ...byPerson.values());
}

/**
 * Whether the allowance may go from `current` to `next`. Raising it is always fine. Lowering it below the dots
 * someone has already placed is refused rather than taking their votes away: the scrum master sees how many that
 * is and chooses (decision 40). Returns null when allowed, or the most dots one person has placed.
 */
export function checkAllowance(p: {
  current: number;
  next: number;
  mostPlaced: number;
}): { mostPlaced: number } | null {
  return p.next < p.current && p.next < p.mostPlaced ? { mostPlaced: p.mostPlaced } : null;
}

/** Notes by dots, most first; ties keep the order they were written in (then by id, so the order is stable). */
export function sortByDots<T extends { id: string; dots: number; createdAt: string | number }>(
  notes: readonly T[],
): T[] {
  const time = (v: string | number) => (typeof v === 'number' ? v : Date.parse(v));
  return [...notes].sort(
    (a, b) => b.dots - a.dots || time(a.createdAt) - time(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
