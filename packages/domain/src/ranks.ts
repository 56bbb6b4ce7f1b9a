// Fractional ranks: cards in a column sort by a string, compared byte by byte (PostgreSQL collation "C").
// A card moved between two others gets a rank between theirs, so a move writes one row, not the whole column.

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

/** Past this length the column is re-spread (see `spreadRanks`) before the next rank is taken. */
export const MAX_RANK_LENGTH = 40;

function digitOf(char: string): number {
  const value = DIGITS.indexOf(char);
  if (value < 0) throw new Error(`"${char}" is not a rank digit`);
  return value;
}

function isRank(rank: string): boolean {
  return rank.length > 0 && !rank.endsWith('0') && [...rank].every((c) => DIGITS.includes(c));
}

/** A string strictly between `low` ('' = the very top) and `high` (null = the very bottom). */
function midpoint(low: string, high: string | null): string {
  if (high !== null) {
    let shared = 0;
    while ((low[shared] ?? '0') === high[shared]) shared++;
    if (shared > 0) return high.slice(0, shared) + midpoint(low.slice(shared), high.slice(shared));
  }
  const lowDigit = low ? digitOf(low[0]!) : 0;
  const highDigit = high !== null ? digitOf(high[0]!) : BASE;
  if (highDigit - lowDigit > 1) return DIGITS[Math.floor((lowDigit + highDigit) / 2)]!;
  // Adjacent digits: either the high digit alone fits (high continues after it), or go one digit deeper.
  if (high !== null && high.length > 1) return high[0]!;
  return DIGITS[lowDigit]! + midpoint(low.slice(1), null);
}

/**
 * The rank for a card placed between the card above (`above`, null at the top) and the card below
 * (`below`, null at the bottom). Ranks never end in "0", so there is always room between two of them.
 */
export function rankBetween(above: string | null, below: string | null): string {
  if (above !== null && !isRank(above)) throw new Error(`invalid rank above: "${above}"`);
  if (below !== null && !isRank(below)) throw new Error(`invalid rank below: "${below}"`);
  if (above !== null && below !== null && above >= below) throw new Error(`rank above ("${above}") must sort before rank below ("${below}")`);
  return midpoint(above ?? '', below);
}

/** True when a rank has grown long enough that its column should be re-spread. */
export function needsRespread(rank: string): boolean {
  return rank.length > MAX_RANK_LENGTH;
}

/** `count` short ranks, evenly spaced and ascending, to renumber a column whose ranks grew long. */
export function spreadRanks(count: number): string[] {
  if (count <= 0) return [];
  // Enough digits that neighbours are at least BASE apart, leaving room to insert between them.
  let width = 1;
  while (BASE ** width / (count + 1) < BASE) width++;
  const step = Math.floor(BASE ** width / (count + 1));
  const ranks: string[] = [];
  for (let i = 1; i <= count; i++) {
    let value = i * step;
    if (value % BASE === 0) value += 1; // no trailing "0"
    let text = '';
    for (let d = 0; d < width; d++) {
      text = DIGITS[value % BASE]! + text;
      value = Math.floor(value / BASE);
    }
    ranks.push(text);
  }
  return ranks;
}

/** A rank after every rank given (null when the column is empty): where "add to the bottom" goes. */
export const rankAfter = (last: string | null) => rankBetween(last, null);
/** A rank before every rank given: where "add to the top" goes. */
export const rankBefore = (first: string | null) => rankBetween(null, first);
