// Monte Carlo forecasts from a team's recent throughput: "when will these N cards be done?" and "how many will be
// done by this date?". Each run replays days by drawing a past day's throughput at random. Pure and seedable, so
// the same question with the same seed gives the same answer.
import { addDays, daysBetween, type LocalDay } from './local-days';
import { percentile } from './flow-metrics';

/** A small, fast seeded generator (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ForecastInput {
  /** Cards finished on each past day (days with none count as 0): the samples. */
  dailyThroughput: readonly number[];
  /** Cards still to finish. */
  cards: number;
  /** The first day work counts for. */
  startDay: LocalDay;
  /** The date asked about ("by the launch"), if any. */
  targetDay?: LocalDay;
  runs: number;
  seed: number;
  /** A run that has not finished after this many days is counted as not finishing. */
  horizonDays?: number;
}

export interface ForecastResult {
  runs: number;
  /** False when the samples hold no finished card at all: no date can be forecast. */
  possible: boolean;
  /** Completion dates with 50, 85 and 95% confidence (the share of runs done by then). */
  /** Null where more runs than that did not finish within the horizon. */
  when: { p50: LocalDay | null; p85: LocalDay | null; p95: LocalDay | null } | null;
  /** Simulated completion dates and how many runs finished on each, in date order. */
  histogram: { day: LocalDay; runs: number }[];
  /** Share of runs done by the target day (0-1). */
  probabilityByTarget: number | null;
  /** By the target day: at least this many cards with 50, 85 and 95% confidence. */
  howMany: { p50: number; p85: number; p95: number } | null;
}

export function forecast(input: ForecastInput): ForecastResult {
  const { dailyThroughput: samples, cards, startDay, targetDay, runs, seed } = input;
  const horizon = input.horizonDays ?? 3650;
  const random = seededRandom(seed);
  const draw = () => samples[Math.floor(random() * samples.length)]!;
  const possible = samples.some((s) => s > 0) || cards <= 0;
  const finishDays: number[] = [];
  const targetDays = targetDay === undefined ? null : daysBetween(startDay, targetDay) + 1;
  const doneByTarget: number[] = [];
  for (let r = 0; r < runs && possible; r++) {
    let remaining = cards;
    let day = 0;
    while (remaining > 0 && day < horizon) {
      day++;
      remaining -= draw();
    }
    finishDays.push(remaining > 0 ? Infinity : Math.max(day, 1));
  }
  if (targetDays !== null && possible) {
    for (let r = 0; r < runs; r++) {
      let done = 0;
      for (let d = 0; d < targetDays; d++) done += draw();
      doneByTarget.push(done);
    }
  }
  const finished = finishDays.filter(Number.isFinite);
  const dateOf = (days: number | null) => (days === null || !Number.isFinite(days) ? null : addDays(startDay, days - 1));
  const when = finishDays.length ? { p50: dateOf(percentile(finishDays, 50)), p85: dateOf(percentile(finishDays, 85)), p95: dateOf(percentile(finishDays, 95)) } : null;
  const counts = new Map<number, number>();
  for (const d of finished) counts.set(d, (counts.get(d) ?? 0) + 1);
  return {
    runs,
    possible,
    when,
    histogram: [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([d, n]) => ({ day: dateOf(d)!, runs: n })),
    probabilityByTarget: targetDays === null ? null : possible && runs ? finishDays.filter((d) => d <= targetDays).length / runs : 0,
    // "At least N with 95% confidence" reads from the other tail: 95% of runs finished N or more.
    howMany: targetDays === null || !doneByTarget.length ? null : { p50: percentile(doneByTarget, 50)!, p85: percentile(doneByTarget, 15)!, p95: percentile(doneByTarget, 5)! },
  };
}
