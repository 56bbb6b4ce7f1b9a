// The coverage answer reshaped for its tables: team × principle totals and principle × bucket totals.
import type { PrincipleCoverage } from '@amb/shared/principle-coverage';

export interface Totals {
  cards: number;
  points: number;
}

const key = (a: string, b: string | number) => `${a}|${b}`;
/** "none" stands for cards without a principle. */
export const NO_PRINCIPLE = 'none';

/** Cards and points finished per team and principle over the whole period. */
export function byTeamAndPrinciple(c: PrincipleCoverage): Map<string, Totals> {
  const totals = new Map<string, Totals>();
  for (const cell of c.cells) {
    const k = key(cell.teamId, cell.principleId ?? NO_PRINCIPLE);
    const t = totals.get(k) ?? { cards: 0, points: 0 };
    totals.set(k, { cards: t.cards + cell.cards, points: t.points + cell.points });
  }
  return totals;
}

/** Cards and points finished per principle and bucket, over all the chosen teams. */
export function byPrincipleAndBucket(c: PrincipleCoverage): Map<string, Totals> {
  const totals = new Map<string, Totals>();
  for (const cell of c.cells) {
    const k = key(cell.principleId ?? NO_PRINCIPLE, cell.bucket);
    const t = totals.get(k) ?? { cards: 0, points: 0 };
    totals.set(k, { cards: t.cards + cell.cards, points: t.points + cell.points });
  }
  return totals;
}

export const cellOf = (totals: Map<string, Totals>, a: string, b: string | number): Totals => totals.get(key(a, b)) ?? { cards: 0, points: 0 };

/**
 * A heat shade for a count against the largest: none for zero, darker for more. Cards without a principle are
 * shaded grey against their own largest, so a big untagged column does not wash out the principles.
 */
export function heat(value: number, max: number, tone: 'principle' | 'untagged' = 'principle'): { backgroundColor?: string; color?: string } {
  if (value <= 0 || max <= 0) return {};
  const alpha = 0.12 + 0.7 * Math.min(1, value / max);
  return { backgroundColor: `rgb(${tone === 'principle' ? '21 94 239' : '102 112 133'} / ${alpha.toFixed(2)})`, color: alpha > 0.5 ? '#fff' : undefined };
}

/** The largest count per kind of column: principles, and cards without one. */
export function maxima(totals: Map<string, Totals>): { principle: number; untagged: number } {
  let principle = 0;
  let untagged = 0;
  for (const [k, t] of totals) {
    if (k.startsWith(`${NO_PRINCIPLE}|`) || k.endsWith(`|${NO_PRINCIPLE}`)) untagged = Math.max(untagged, t.cards);
    else principle = Math.max(principle, t.cards);
  }
  return { principle, untagged };
}

export const shade = (value: number, id: string, max: { principle: number; untagged: number }) => (id === NO_PRINCIPLE ? heat(value, max.untagged, 'untagged') : heat(value, max.principle));
