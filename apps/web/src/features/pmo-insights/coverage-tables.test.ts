import { describe, expect, it } from 'vitest';
import type { PrincipleCoverage } from '@amb/shared/principle-coverage';
import {
  byPrincipleAndBucket,
  byTeamAndPrinciple,
  cellOf,
  contrast,
  heat,
  maxima,
  NO_PRINCIPLE,
  shade,
} from './coverage-tables';

const coverage = {
  cells: [
    { teamId: 't1', principleId: 'p1', bucket: 0, cards: 2, points: 5 },
    { teamId: 't1', principleId: 'p1', bucket: 1, cards: 1, points: 3 },
    { teamId: 't2', principleId: 'p1', bucket: 1, cards: 4, points: 4 },
    { teamId: 't2', principleId: null, bucket: 0, cards: 30, points: 60 },
  ],
} as PrincipleCoverage;

describe('coverage tables', () => {
  it('sums the buckets per team and principle, and the teams per principle and bucket', () => {
    const teams = byTeamAndPrinciple(coverage);
    expect(cellOf(teams, 't1', 'p1')).toEqual({ cards: 3, points: 8 });
    expect(cellOf(teams, 't2', NO_PRINCIPLE)).toEqual({ cards: 30, points: 60 });
    expect(cellOf(teams, 't1', 'p2')).toEqual({ cards: 0, points: 0 });
    const buckets = byPrincipleAndBucket(coverage);
    expect(cellOf(buckets, 'p1', 1)).toEqual({ cards: 5, points: 7 });
  });

  it('shades principles and untagged cards each on their own scale', () => {
    const max = maxima(byTeamAndPrinciple(coverage));
    expect(max).toEqual({ principle: 4, untagged: 30 });
    // Dark text reads on the darkest shade at 4.5:1.
    expect(shade(4, 'p1', max)).toEqual({ backgroundColor: 'rgb(21 94 239 / 0.82)', color: '#101828' });
    expect(shade(30, NO_PRINCIPLE, max)).toEqual({ backgroundColor: 'rgb(102 112 133 / 0.82)', color: '#101828' });
    expect(heat(0, 10)).toEqual({});
  });

  it('keeps the text on every shade at 4.5:1 or more, from the palest to the darkest', () => {
    const over = (alpha: number, rgb: number[]) =>
      rgb.map((c) => 255 * (1 - alpha) + c * alpha) as [number, number, number];
    for (const tone of ['principle', 'untagged'] as const) {
      for (let value = 1; value <= 40; value++) {
        const { backgroundColor, color } = heat(value, 40, tone);
        const [, r, g, b, a] = /rgb\((\d+) (\d+) (\d+) \/ ([\d.]+)\)/.exec(backgroundColor!)!.map(Number);
        const text: [number, number, number] = color === '#fff' ? [255, 255, 255] : [16, 24, 40];
        expect(contrast(text, over(a!, [r!, g!, b!]))).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('over the dark theme’s surface, keeps the text at 4.5:1 too, in white', () => {
    // --surface of the dark theme (styles.css).
    const base: [number, number, number] = [0x18, 0x1b, 0x22];
    const over = (alpha: number, rgb: number[]) =>
      rgb.map((c, i) => base[i]! * (1 - alpha) + c * alpha) as [number, number, number];
    for (const tone of ['principle', 'untagged'] as const) {
      for (let value = 1; value <= 40; value++) {
        const { backgroundColor, color } = heat(value, 40, tone, base);
        const [, r, g, b, a] = /rgb\((\d+) (\d+) (\d+) \/ ([\d.]+)\)/.exec(backgroundColor!)!.map(Number);
        expect(color).toBe('#fff');
        expect(contrast([255, 255, 255], over(a!, [r!, g!, b!]))).toBeGreaterThanOrEqual(4.5);
      }
    }
    expect(shade(4, 'p1', { principle: 4, untagged: 30 }, base).color).toBe('#fff');
  });
});
