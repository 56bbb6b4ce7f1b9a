import { setImmediate as nextTurn } from 'node:timers/promises';
import { FORECAST_TARGET_MAX_DAYS, ForecastSimulation } from '@amb/domain/forecast';
import { addDays, daysBetween, localDay } from '@amb/domain/local-days';
import type { Forecast, forecastQuerySchema } from '@amb/shared/portfolio';
import type { z } from 'zod';
import { invalidField } from '../../lib/app-error';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { localDateSql, periodBounds, utcParam } from './period';

/** Draws per slice of the simulation: about 2 ms on a busy two-core machine. */
const SLICE_DRAWS = 50_000;

/**
 * "When will these cards be done?" and "will they be done by the launch?": a Monte Carlo simulation over the
 * team's daily throughput in the last whole weeks (today excluded, as it is not over).
 */
export async function forecastTeam(
  { db, actor }: ServiceContext,
  teamId: string,
  query: z.output<typeof forecastQuerySchema>,
): Promise<Forecast> {
  await requireTeamAccess(db, actor, teamId, 'view');
  const today = localDay(Date.now(), query.tz);
  if (query.target !== undefined && query.target < today)
    throw invalidField('querystring.target', `must be today (${today}) or later`);
  if (query.target !== undefined && daysBetween(today, query.target) >= FORECAST_TARGET_MAX_DAYS) {
    throw invalidField(
      'querystring.target',
      `must be at most ${FORECAST_TARGET_MAX_DAYS - 1} days from today (${addDays(today, FORECAST_TARGET_MAX_DAYS - 1)})`,
    );
  }
  const samples = periodBounds({ from: addDays(today, -7 * query.weeks), to: addDays(today, -1), tz: query.tz });
  const rows = await db.$queryRawUnsafe<{ day: string; cards: number }[]>(
    `SELECT ${localDateSql('done_at', '$4')}::text AS day, COUNT(*)::int AS cards FROM card_flow
     WHERE team_id = $1 AND done_at >= ${utcParam('$2')} AND done_at < ${utcParam('$3')} GROUP BY 1`,
    teamId,
    samples.from,
    samples.to,
    query.tz,
  );
  const perDay = new Map(rows.map((r) => [r.day, r.cards]));
  const dailyThroughput = samples.days.map((d) => perDay.get(d) ?? 0);
  const seed = query.seed ?? Math.floor(Math.random() * 2 ** 31);
  const simulation = new ForecastSimulation({
    dailyThroughput,
    cards: query.cards,
    startDay: today,
    targetDay: query.target,
    runs: query.runs,
    seed,
  });
  // A slice of the runs at a time, letting other requests in between: each slice is a few milliseconds.
  while (!simulation.step(SLICE_DRAWS)) await nextTurn();
  const result = simulation.result();
  return {
    ...result,
    cards: query.cards,
    seed,
    startDay: today,
    samplesFrom: samples.days[0]!,
    samplesTo: samples.days[samples.days.length - 1]!,
    sampleCards: dailyThroughput.reduce((n, c) => n + c, 0),
    target: query.target ?? null,
  };
}
