import { describe, expect, it } from 'vitest';
import { ForecastSimulation, forecast, seededRandom } from './forecast';

describe('seeded random source', () => {
  it('gives the same numbers for the same seed, others for another, all in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs.slice(0, 5));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeGreaterThan(0.45);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeLessThan(0.55);
  });
});

describe('Monte Carlo forecast', () => {
  it('is exact when every day finishes the same number of cards', () => {
    const result = forecast({
      dailyThroughput: [2, 2, 2],
      cards: 12,
      startDay: '2026-03-02',
      targetDay: '2026-03-07',
      runs: 500,
      seed: 1,
    });
    // 12 cards at 2 a day: done on the sixth day, counting the start day.
    expect(result.when).toEqual({ p50: '2026-03-07', p85: '2026-03-07', p95: '2026-03-07' });
    expect(result.probabilityByTarget).toBe(1);
    expect(result.howMany).toEqual({ p50: 12, p85: 12, p95: 12 });
    expect(result.histogram).toEqual([{ day: '2026-03-07', runs: 500 }]);
  });

  it('is repeatable with a seed and orders its confidence levels', () => {
    const input = {
      dailyThroughput: [0, 0, 1, 3, 0, 2, 1, 0, 0, 4, 1, 0, 2, 0],
      cards: 12,
      startDay: '2026-03-02',
      targetDay: '2026-03-16',
      runs: 2000,
      seed: 7,
    };
    const one = forecast(input);
    expect(forecast(input)).toEqual(one);
    expect(forecast({ ...input, seed: 8 })).not.toEqual(one);
    const { p50, p85, p95 } = one.when!;
    expect(p50! <= p85! && p85! <= p95!).toBe(true);
    expect(one.histogram.reduce((n, h) => n + h.runs, 0)).toBe(2000);
    // 14 samples average 1 card a day: 12 cards take about 12 days, so the 15 days to the target usually suffice.
    expect(one.probabilityByTarget!).toBeGreaterThan(0.5);
    expect(one.probabilityByTarget!).toBeLessThan(1);
    expect(one.howMany!.p95 <= one.howMany!.p85 && one.howMany!.p85 <= one.howMany!.p50).toBe(true);
  });

  it('says a date cannot be forecast when nothing was finished in the sample weeks', () => {
    const result = forecast({
      dailyThroughput: [0, 0, 0],
      cards: 3,
      startDay: '2026-03-02',
      targetDay: '2026-03-20',
      runs: 100,
      seed: 1,
    });
    expect(result.possible).toBe(false);
    expect(result.when).toBeNull();
    expect(result.probabilityByTarget).toBe(0);
  });

  it('gives the same answer run in slices as at once', () => {
    const input = {
      dailyThroughput: [0, 2, 0, 0, 1, 3, 0],
      cards: 20,
      startDay: '2026-03-02',
      targetDay: '2026-05-01',
      runs: 3000,
      seed: 11,
    };
    const sliced = new ForecastSimulation(input);
    let slices = 1;
    while (!sliced.step(500)) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(sliced.result()).toEqual(forecast(input));
  });

  it('draws only the days that finish something, so a far target with little throughput stays cheap', () => {
    // One card in eight weeks, twelve cards to go, a target two years out: the old day-by-day runs drew 3,650 days
    // each for the completion date and 731 more for the target.
    const dailyThroughput = Array.from({ length: 56 }, (_, i) => (i === 30 ? 1 : 0));
    const simulation = new ForecastSimulation({
      dailyThroughput,
      cards: 12,
      startDay: '2026-03-02',
      targetDay: '2028-03-01',
      runs: 1000,
      seed: 5,
    });
    simulation.step();
    expect(simulation.draws).toBeLessThanOrEqual(1000 * (12 + 731 / 20));
    const result = simulation.result();
    // About 56 days a card: 12 cards take about 672 days.
    expect(result.when!.p50! > '2027-09-01' && result.when!.p50! < '2028-05-01').toBe(true);
    expect(result.howMany!.p50).toBeGreaterThanOrEqual(10);
  });
});
