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

export const cellOf = (totals: Map<string, Totals>, a: string, b: string | number): Totals =>
  totals.get(key(a, b)) ?? { cards: 0, points: 0 };

export type Rgb = [number, number, number];
const DARK: Rgb = [16, 24, 40];
const DARK_TEXT = '#101828';
const WHITE: Rgb = [255, 255, 255];
const WHITE_TEXT = '#fff';
const shadeText = (rgb: Rgb, alpha: number) => `rgb(${rgb.join(' ')} / ${alpha.toFixed(2)})`;
/** The colour seen when `rgb` at `alpha` lies over `base`. */
const over = (rgb: Rgb, alpha: number, base: Rgb): Rgb => rgb.map((c, i) => base[i]! * (1 - alpha) + c * alpha) as Rgb;
const luminance = (rgb: Rgb) => {
  const [r, g, b] = rgb.map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/**
 * A heat shade for a count against the largest: none for zero, darker for more. Cards without a principle are
 * shaded grey against their own largest, so a big untagged column does not wash out the principles. The shade lies
 * over `base`, the table's background: white, or the dark theme's surface.
 */
export function heat(
  value: number,
  max: number,
  tone: 'principle' | 'untagged' = 'principle',
  base: Rgb = WHITE,
): { backgroundColor?: string; color?: string } {
  if (value <= 0 || max <= 0) return {};
  const rgb: Rgb = tone === 'principle' ? [21, 94, 239] : [102, 112, 133];
  let alpha = 0.12 + 0.7 * Math.min(1, value / max);
  // Text on the shade, small type included, keeps 4.5:1 (WCAG AA): dark on a light base (white on a dark one) while
  // it can; where it would not, the other, the shade deepened until it does.
  // The text colour is named either way: the page's own text colour is lighter than DARK and would not keep 4.5:1.
  const light = luminance(base) > 0.5;
  const [first, firstText, other, otherText] = light
    ? ([DARK, DARK_TEXT, WHITE, WHITE_TEXT] as const)
    : ([WHITE, WHITE_TEXT, DARK, DARK_TEXT] as const);
  if (contrast(first, over(rgb, alpha, base)) >= 4.5)
    return { backgroundColor: shadeText(rgb, alpha), color: firstText };
  while (alpha < 1 && contrast(other, over(rgb, alpha, base)) < 4.5) alpha = Math.min(1, alpha + 0.02);
  return { backgroundColor: shadeText(rgb, alpha), color: otherText };
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
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

export const shade = (value: number, id: string, max: { principle: number; untagged: number }, base?: Rgb) =>
  id === NO_PRINCIPLE ? heat(value, max.untagged, 'untagged', base) : heat(value, max.principle, 'principle', base);
