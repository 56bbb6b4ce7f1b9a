import { describe, expect, it } from 'vitest';
import { MAX_RANK_LENGTH, needsRespread, rankBetween, spreadRanks } from './ranks';

describe('rankBetween', () => {
  it('finds a rank strictly between two ranks, at the top and at the bottom', () => {
    expect(rankBetween(null, null)).toBe('V');
    const a = rankBetween(null, null);
    const b = rankBetween(a, null);
    const c = rankBetween(null, a);
    expect(c < a && a < b).toBe(true);
    const m = rankBetween(a, b);
    expect(a < m && m < b).toBe(true);
  });

  it('keeps ranks short for runs of cards added at the top or at the bottom', () => {
    const top = [rankBetween(null, null)];
    const bottom = [rankBetween(null, null)];
    for (let i = 0; i < 1000; i++) {
      top.unshift(rankBetween(null, top[0]!));
      bottom.push(rankBetween(bottom.at(-1)!, null));
    }
    for (const column of [top, bottom]) {
      expect(new Set(column).size).toBe(column.length);
      expect([...column].sort()).toEqual(column);
      expect(column.every((r) => !r.endsWith('0'))).toBe(true);
      expect(Math.max(...column.map((r) => r.length))).toBeLessThanOrEqual(18);
    }
  });

  it('refuses ranks in the wrong order', () => {
    expect(() => rankBetween('b', 'a')).toThrow();
    expect(() => rankBetween('a', 'a')).toThrow();
  });

  it('keeps 10,000 insertions below the same card unique and ordered, re-spreading when ranks grow long', () => {
    // The worst case: every new card goes right below the same card, so the gap keeps halving.
    let column = spreadRanks(2); // [top, bottom]
    let respreads = 0;
    for (let i = 0; i < 10_000; i++) {
      let rank = rankBetween(column[0]!, column[1]!);
      if (needsRespread(rank)) {
        column = spreadRanks(column.length); // what the API does: renumber the column, keep the order
        respreads++;
        rank = rankBetween(column[0]!, column[1]!);
      }
      column.splice(1, 0, rank);
    }
    expect(column).toHaveLength(10_002);
    expect(new Set(column).size).toBe(column.length);
    expect([...column].sort()).toEqual(column);
    expect(Math.max(...column.map((r) => r.length))).toBeLessThanOrEqual(MAX_RANK_LENGTH);
    expect(respreads).toBeGreaterThan(0);
  });

  it('keeps random insertions unique and ordered', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const column: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const at = Math.floor(random() * (column.length + 1));
      column.splice(at, 0, rankBetween(column[at - 1] ?? null, column[at] ?? null));
    }
    expect(new Set(column).size).toBe(column.length);
    expect([...column].sort()).toEqual(column);
  });
  it('with a random source, picks a rank strictly inside the gap, and different ones at the same place', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const gaps: [string | null, string | null][] = [
      [null, null],
      [null, '1'],
      ['z', null],
      ['a', 'b'],
      ['a', 'c'],
      ['V', 'V1'],
      ['0001', '0002'],
      ['zz', null],
      ['a', 'c5'],
      ['a', 'b5'],
    ];
    for (const [above, below] of gaps) {
      const picks = Array.from({ length: 200 }, () => rankBetween(above, below, random));
      for (const rank of picks) {
        expect(rank.endsWith('0')).toBe(false);
        if (above !== null) expect(rank > above).toBe(true);
        if (below !== null) expect(rank < below).toBe(true);
        expect(rank.length).toBeLessThanOrEqual(Math.max(above?.length ?? 0, below?.length ?? 0) + 2);
      }
      expect(new Set(picks).size).toBeGreaterThanOrEqual(8);
    }
  });

  it('keeps 10,000 random-pick insertions at the top unique and ordered, re-spreading when ranks grow long', () => {
    let seed = 3;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    let column = spreadRanks(1);
    for (let i = 0; i < 10_000; i++) {
      let rank = rankBetween(null, column[0]!, random);
      if (needsRespread(rank)) {
        column = spreadRanks(column.length);
        rank = rankBetween(null, column[0]!, random);
      }
      column.unshift(rank);
    }
    expect(new Set(column).size).toBe(column.length);
    expect([...column].sort()).toEqual(column);
    expect(Math.max(...column.map((r) => r.length))).toBeLessThanOrEqual(MAX_RANK_LENGTH);
  });
});

describe('spreadRanks', () => {
  it('gives short, ascending ranks with room between them', () => {
    for (const n of [1, 2, 61, 62, 5000]) {
      const ranks = spreadRanks(n);
      expect(ranks).toHaveLength(n);
      expect([...ranks].sort()).toEqual(ranks);
      expect(new Set(ranks).size).toBe(n);
      ranks.forEach((r, i) => {
        expect(r.endsWith('0')).toBe(false);
        if (i > 0) expect(rankBetween(ranks[i - 1]!, r).length).toBeLessThanOrEqual(r.length + 1);
      });
    }
    expect(spreadRanks(5000)[0]!.length).toBeLessThanOrEqual(4);
  });
});
