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
function midpoint(low: string, high: string | null, random?: () => number): string {
  if (high !== null) {
    let shared = 0;
    while ((low[shared] ?? '0') === high[shared]) shared++;
    if (shared > 0) return high.slice(0, shared) + midpoint(low.slice(shared), high.slice(shared), random);
  }
  const lowDigit = low ? digitOf(low[0]!) : 0;
  const highDigit = high !== null ? digitOf(high[0]!) : BASE;
  const span = highDigit - lowDigit;
  if (span > 1 && !random) return DIGITS[Math.floor((lowDigit + highDigit) / 2)]!;
  if (span > 4) {
    // Anywhere in the middle half of the gap; a narrower gap goes one digit deeper, where there is choice.
    const quarter = Math.floor(span / 4);
    return DIGITS[Math.floor((lowDigit + highDigit) / 2) - quarter + Math.floor(random!() * (2 * quarter + 1))]!;
  }
  // Adjacent digits: either the high digit alone fits (high continues after it), or go one digit deeper.
  if (high !== null && high.length > 1 && !random) return high[0]!;
  return DIGITS[lowDigit]! + midpoint(low.slice(1), null, random);
}

/** How far to step from the first or last card: 1, or with a random source anywhere from 1 to 8 (at most `room`). */
const step = (room: number, random?: () => number) => 1 + (random ? Math.floor(random() * Math.min(8, room)) : 0);
/** With a random source, one more digit (never "0"), so that cards added at the same end at once differ. */
const salt = (random?: () => number) => (random ? DIGITS[1 + Math.floor(random() * (BASE - 1))]! : '');

/** A rank just before `high` (null: the end of the digits). Cards added one after another at the top keep short ranks. */
function before(high: string | null, random?: () => number): string {
  const highDigit = high === null ? BASE : digitOf(high[0]!);
  if (highDigit >= 2) return DIGITS[highDigit - step(highDigit - 1, random)]! + salt(random);
  if (highDigit === 1 && high!.length > 1) return random ? DIGITS[1]! + before(high!.slice(1), random) : DIGITS[1]!;
  return DIGITS[0]! + before(highDigit === 0 ? high!.slice(1) : null, random);
}

/** A rank just after `low`. Cards added one after another at the bottom keep short ranks. */
function after(low: string, random?: () => number): string {
  const lowDigit = low ? digitOf(low[0]!) : 0;
  if (lowDigit < BASE - 1) return DIGITS[lowDigit + step(BASE - 1 - lowDigit, random)]! + salt(random);
  return DIGITS[BASE - 1]! + after(low.slice(1), random);
}

/**
 * The rank for a card placed between the card above (`above`, null at the top) and the card below
 * (`below`, null at the bottom). Ranks never end in "0", so there is always room between two of them.
 * Without `random` it is the middle of the gap (a small step past the first or last card). With it, it is
 * somewhere in the gap's middle half (a few steps past): two cards dropped into the same place at the same
 * moment then rarely get the same rank.
 */
export function rankBetween(above: string | null, below: string | null, random?: () => number): string {
  if (above !== null && !isRank(above)) throw new Error(`invalid rank above: "${above}"`);
  if (below !== null && !isRank(below)) throw new Error(`invalid rank below: "${below}"`);
  if (above !== null && below !== null && above >= below)
    throw new Error(`rank above ("${above}") must sort before rank below ("${below}")`);
  if (above === null && below !== null) return before(below, random);
  if (below === null && above !== null) return after(above, random);
  return midpoint(above ?? '', below, random);
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
