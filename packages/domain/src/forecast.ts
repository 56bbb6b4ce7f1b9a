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

/** Completion dates further than this from the first day are "not within 10 years". */
export const FORECAST_HORIZON_DAYS = 3650;
/** The furthest target day a forecast is asked about, counted from its first day. */
export const FORECAST_TARGET_MAX_DAYS = 731;

/**
 * The simulation, run a slice at a time so a server can let other work in between (`step`). Each run draws only
 * the days that finish something: the days with none before the next such day are one draw from their geometric
 * distribution, which is the same process as drawing them one by one. A run ends once its cards are done and the
 * target day (if any) is reached, so it costs at most as many draws as cards plus the target's distance, never the
 * whole horizon, however low the throughput.
 */
export class ForecastSimulation {
  private readonly random: () => number;
  private readonly busyDays: readonly number[];
  private readonly logIdle: number;
  private readonly targetDays: number | null;
  private readonly possible: boolean;
  private readonly finishDays: number[] = [];
  private readonly doneByTarget: number[] = [];
  /** Days drawn so far (each one finishing something): the simulation's cost. */
  draws = 0;

  constructor(private readonly input: ForecastInput) {
    const samples = input.dailyThroughput;
    this.random = seededRandom(input.seed);
    this.busyDays = samples.filter((s) => s > 0);
    const idleShare = samples.length ? (samples.length - this.busyDays.length) / samples.length : 1;
    this.logIdle = idleShare > 0 ? Math.log(idleShare) : 0;
    this.possible = this.busyDays.length > 0 || input.cards <= 0;
    this.targetDays = input.targetDay === undefined ? null : daysBetween(input.startDay, input.targetDay) + 1;
  }

  /** Runs more of the simulation, stopping after about `budget` draws; true once every run is done. */
  step(budget = Infinity): boolean {
    const { runs, cards } = this.input;
    const horizon = this.input.horizonDays ?? FORECAST_HORIZON_DAYS;
    const target = this.targetDays;
    const limit = Math.max(horizon, target ?? 0);
    let draws = 0;
    while (this.possible && this.finishDays.length < runs && draws < budget) {
      let remaining = cards;
      let finish = cards <= 0 ? 1 : Infinity;
      let done = 0;
      for (let day = 0; this.busyDays.length > 0;) {
        // Days that finish nothing, then one that finishes something.
        day += (this.logIdle === 0 ? 0 : Math.floor(Math.log(1 - this.random()) / this.logIdle)) + 1;
        if (day > limit) break;
        const finished = this.busyDays[Math.floor(this.random() * this.busyDays.length)]!;
        draws++;
        this.draws++;
        if (target !== null && day <= target) done += finished;
        if (remaining > 0) {
          remaining -= finished;
          if (remaining <= 0 && day <= horizon) finish = day;
        }
        if (remaining <= 0 && (target === null || day >= target)) break;
      }
      this.finishDays.push(finish);
      if (target !== null) this.doneByTarget.push(done);
    }
    return !this.possible || this.finishDays.length >= runs;
  }

  result(): ForecastResult {
    const { runs, startDay } = this.input;
    const { finishDays, doneByTarget, targetDays, possible } = this;
    const finished = finishDays.filter(Number.isFinite);
    const dateOf = (days: number | null) =>
      days === null || !Number.isFinite(days) ? null : addDays(startDay, days - 1);
    const when = finishDays.length
      ? {
          p50: dateOf(percentile(finishDays, 50)),
          p85: dateOf(percentile(finishDays, 85)),
          p95: dateOf(percentile(finishDays, 95)),
        }
      : null;
    const counts = new Map<number, number>();
    for (const d of finished) counts.set(d, (counts.get(d) ?? 0) + 1);
    return {
      runs,
      possible,
      when,
      histogram: [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([d, n]) => ({ day: dateOf(d)!, runs: n })),
      probabilityByTarget:
        targetDays === null ? null : possible && runs ? finishDays.filter((d) => d <= targetDays).length / runs : 0,
      // "At least N with 95% confidence" reads from the other tail: 95% of runs finished N or more.
      howMany:
        targetDays === null || !doneByTarget.length
          ? null
          : {
              p50: percentile(doneByTarget, 50)!,
              p85: percentile(doneByTarget, 15)!,
              p95: percentile(doneByTarget, 5)!,
            },
    };
  }
}

/** The whole simulation at once (the browser, tests); a server runs `ForecastSimulation` in slices. */
export function forecast(input: ForecastInput): ForecastResult {
  const simulation = new ForecastSimulation(input);
  simulation.step();
  return simulation.result();
}
