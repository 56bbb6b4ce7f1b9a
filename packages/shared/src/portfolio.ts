// The PMO's portfolio and flow analytics: filters and answers. Periods are calendar days in a time zone, so a
// chart's day and week boundaries are the team's, not the server's.
import { z } from 'zod';
import { daysBetween, isLocalDay, isTimeZone } from '@amb/domain/local-days';
import { idSchema, teamKindSchema } from './common';
import { portfolioStageSchema } from './portfolio-stages';

/** The longest period a chart or table covers. */
export const MAX_PERIOD_DAYS = 366;

export const localDaySchema = z.string().refine(isLocalDay, 'must be a date written YYYY-MM-DD');
export const timeZoneSchema = z.string().max(64).refine(isTimeZone, 'must be a time zone such as Europe/Berlin or UTC');

const periodFields = { from: localDaySchema, to: localDaySchema, tz: timeZoneSchema.default('UTC') };

function checkPeriod(q: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (!isLocalDay(q.from) || !isLocalDay(q.to)) return;
  if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  else if (daysBetween(q.from, q.to) + 1 > MAX_PERIOD_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${MAX_PERIOD_DAYS} days after from` });
}

/** A period of calendar days (both included) in a time zone. */
export const periodQuerySchema = z.object(periodFields).superRefine(checkPeriod);
export type PeriodQuery = z.infer<typeof periodQuerySchema>;

/** How many teams one filter may name; the team choice in the web app stops there too. */
export const TEAM_FILTER_MAX = 100;

/** Team ids, comma-separated in the URL (`teams=a,b`); none means every team the person can see. */
export const teamListSchema = z
  .string()
  .max(TEAM_FILTER_MAX * 37)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(idSchema).max(TEAM_FILTER_MAX, `must name at most ${TEAM_FILTER_MAX} teams`));

export const portfolioQuerySchema = z
  .object({ ...periodFields, teams: teamListSchema.optional() })
  .superRefine(checkPeriod);
export type PortfolioQuery = z.infer<typeof portfolioQuerySchema>;

export const teamParamsSchema = z.object({ teamId: idSchema });

const days = z.number();
const percentiles = z.object({ p50: days.nullable(), p85: days.nullable() });

/** The active sprint: points done against time elapsed and against capacity. */
export const sprintProgressSchema = z.object({
  id: idSchema,
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  committedPoints: z.number().int(),
  donePoints: z.number().int(),
  capacityPoints: z.number().int().nullable(),
  /** Share of the sprint's time gone (0-1). */
  elapsed: z.number(),
  /** Share of committed points done (0-1), or null when nothing is estimated. */
  done: z.number().nullable(),
  /** More points committed than the team's capacity. */
  overCommitted: z.boolean(),
});
export type SprintProgress = z.infer<typeof sprintProgressSchema>;

export const portfolioTeamSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: teamKindSchema,
  boardId: idSchema.nullable(),
  wip: z.object({
    /** Open cards in to-do and in-progress columns now. */
    count: z.number().int(),
    /** The sum of those columns' WIP limits, or null when none has one. */
    limit: z.number().int().nullable(),
    overLimitColumns: z.array(z.string()),
  }),
  breaches: z.object({ count: z.number().int(), hoursOver: z.number() }),
  blocked: z.object({ count: z.number().int(), oldestDays: z.number().nullable() }),
  /** Cards finished in the period, and per week on average. */
  finished: z.number().int(),
  throughputPerWeek: z.number(),
  /** Calendar days from start to finish (cycle) and from creation to finish (lead), of cards finished in the period. */
  cycleTime: percentiles,
  leadTime: percentiles,
  sprint: sprintProgressSchema.nullable(),
  /** Share of open cards tagged with at least one principle (0-1), or null without open cards. */
  principleCoverage: z.number().nullable(),
});
export type PortfolioTeam = z.infer<typeof portfolioTeamSchema>;
export const portfolioOverviewSchema = z.object({
  from: z.string(),
  to: z.string(),
  tz: z.string(),
  teams: z.array(portfolioTeamSchema),
});
export type PortfolioOverview = z.infer<typeof portfolioOverviewSchema>;

export const cumulativeFlowQuerySchema = z
  .object({ ...periodFields, teamId: idSchema.optional() })
  .superRefine(checkPeriod);
export type CumulativeFlowQuery = z.infer<typeof cumulativeFlowQuerySchema>;
/** Cards that reached each stage (by stage id) or a later one by the end of the day. */
export const cumulativeFlowDaySchema = z.object({ day: z.string(), counts: z.record(z.string(), z.number().int()) });
/** By the PMO's portfolio stages, in their order. */
export const cumulativeFlowSchema = z.object({
  from: z.string(),
  to: z.string(),
  tz: z.string(),
  teamId: idSchema.nullable(),
  stages: z.array(portfolioStageSchema),
  days: z.array(cumulativeFlowDaySchema),
});
export type CumulativeFlow = z.infer<typeof cumulativeFlowSchema>;

export const cycleTimePointSchema = z.object({
  cardId: idSchema,
  title: z.string(),
  finishedOn: z.string(),
  days: z.number().int(),
});
export const cycleTimeSchema = z.object({
  from: z.string(),
  to: z.string(),
  tz: z.string(),
  points: z.array(cycleTimePointSchema),
  p50: days.nullable(),
  p85: days.nullable(),
  p95: days.nullable(),
});
export type CycleTime = z.infer<typeof cycleTimeSchema>;

export const teamFlowSchema = z.object({
  from: z.string(),
  to: z.string(),
  tz: z.string(),
  /** Cards finished per week (weeks start on Monday). */
  throughput: z.array(z.object({ week: z.string(), cards: z.number().int() })),
  /** Active against waiting and blocked time of the cards finished, per week of finishing and overall. */
  efficiency: z.array(
    z.object({
      week: z.string(),
      cards: z.number().int(),
      activeHours: z.number(),
      waitingHours: z.number(),
      blockedHours: z.number(),
      efficiency: z.number().nullable(),
    }),
  ),
  overallEfficiency: z.number().nullable(),
});
export type TeamFlow = z.infer<typeof teamFlowSchema>;

export const agingQuerySchema = z.object({ tz: timeZoneSchema.default('UTC') });
export const agingSchema = z.object({
  /** The in-progress portfolio stages in order (the chart's x axis). */
  stages: z.array(z.object({ id: idSchema, name: z.string() })),
  cards: z.array(
    z.object({
      cardId: idSchema,
      title: z.string(),
      columnId: idSchema,
      stageId: idSchema,
      ageDays: z.number().int(),
      blocked: z.boolean(),
    }),
  ),
  /** Cycle time of the cards the team finished in the last 180 days. */
  p50: days.nullable(),
  p85: days.nullable(),
  p95: days.nullable(),
  historyCards: z.number().int(),
});
export type AgingWork = z.infer<typeof agingSchema>;

const forecastCards = z
  .number('must be a number of cards')
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(1000, 'must be at most 1,000');
const forecastWeeks = z
  .number('must be a number of weeks')
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(52, 'must be at most 52');

/** The forecast form in the web app: how many cards, by when, from how many weeks of history. */
export const forecastFormSchema = z.object({
  cards: forecastCards,
  target: z.union([z.literal(''), localDaySchema]),
  weeks: forecastWeeks,
});
export type ForecastForm = z.infer<typeof forecastFormSchema>;

export const forecastQuerySchema = z.object({
  cards: z.coerce.number().pipe(forecastCards),
  /** The date asked about ("by the launch"). */
  target: localDaySchema.optional(),
  /** Weeks of past throughput the samples come from. */
  weeks: z.coerce.number().pipe(forecastWeeks).default(8),
  runs: z.coerce.number().int().min(100).max(20_000).default(10_000),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
  tz: timeZoneSchema.default('UTC'),
});
export type ForecastQuery = z.input<typeof forecastQuerySchema>;
export const forecastSchema = z.object({
  cards: z.number().int(),
  runs: z.number().int(),
  seed: z.number().int(),
  startDay: z.string(),
  samplesFrom: z.string(),
  samplesTo: z.string(),
  /** Cards finished in the sample days, in total. */
  sampleCards: z.number().int(),
  possible: z.boolean(),
  when: z.object({ p50: z.string().nullable(), p85: z.string().nullable(), p95: z.string().nullable() }).nullable(),
  histogram: z.array(z.object({ day: z.string(), runs: z.number().int() })),
  target: z.string().nullable(),
  probabilityByTarget: z.number().nullable(),
  howMany: z.object({ p50: z.number().int(), p85: z.number().int(), p95: z.number().int() }).nullable(),
});
export type Forecast = z.infer<typeof forecastSchema>;

/** For other PMO views built on the same filters. */
export { checkPeriod, periodFields, teamListSchema as teamIdsQuerySchema };
