import { z } from 'zod';
import { flowCategorySchema } from './boards';
import { idSchema, isoDateTime } from './common';

export const sprintStates = ['PLANNED', 'ACTIVE', 'CLOSED'] as const;
export const sprintStateSchema = z.enum(sprintStates);

export const sprintListQuerySchema = z.object({ teamId: idSchema });
export const sprintParamsSchema = z.object({ sprintId: idSchema });

export const sprintSummarySchema = z.object({
  id: idSchema,
  teamId: idSchema,
  name: z.string(),
  goal: z.string(),
  startDate: isoDateTime,
  endDate: isoDateTime,
  state: sprintStateSchema,
  capacityPoints: z.number().int().nullable(),
  /** Points of the open cards in the sprint. */
  committedPoints: z.number().int(),
  /** Points of those cards in a done column. */
  donePoints: z.number().int(),
  cardCount: z.number().int(),
});
export type SprintSummary = z.infer<typeof sprintSummarySchema>;
export const sprintListSchema = z.object({ sprints: z.array(sprintSummarySchema) });
export type SprintList = z.infer<typeof sprintListSchema>;

export const sprintCardSchema = z.object({
  id: idSchema,
  title: z.string(),
  columnName: z.string(),
  flowCategory: flowCategorySchema,
  estimate: z.number().int().nullable(),
  blocked: z.boolean(),
  blockedReason: z.string().nullable(),
  ownerNames: z.array(z.string()),
});
export const sprintDetailSchema = sprintSummarySchema.extend({ cards: z.array(sprintCardSchema) });
export type SprintDetail = z.infer<typeof sprintDetailSchema>;

// ---------- writing sprints ----------

const sprintName = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(100, { message: 'must be at most 100 characters' });
const sprintGoal = z.string().trim().max(500, { message: 'must be at most 500 characters' });
/** A calendar day (the sprint runs from the start of its first day to the end of its last, in the team's time zone) or a timestamp. */
const sprintDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  message: 'must be a date like 2026-12-01',
});
const capacity = z
  .number({ message: 'must be a number' })
  .int({ message: 'must be a whole number of points' })
  .min(0, { message: 'may not be below zero' })
  .max(10_000);
/** The longest sprint, from its first day to its last: a quarter. Charts and capacity are worked out per day. */
export const SPRINT_MAX_DAYS = 91;
/** Days from the first day to the last (a date-time counts from its calendar day, as the API stores it). */
export const sprintLengthDays = (startDate: string, endDate: string) =>
  Math.round((Date.parse(endDate.slice(0, 10)) - Date.parse(startDate.slice(0, 10))) / 86_400_000);
const datesInOrder = (b: { startDate?: string; endDate?: string }) =>
  !b.startDate || !b.endDate || new Date(b.endDate) > new Date(b.startDate);
const datesMessage = { message: 'must be after the start date', path: ['endDate'] };
const notTooLong = (b: { startDate?: string; endDate?: string }) =>
  !b.startDate || !b.endDate || sprintLengthDays(b.startDate, b.endDate) < SPRINT_MAX_DAYS;
const lengthMessage = {
  message: `must be at most ${SPRINT_MAX_DAYS - 1} days after the start date`,
  path: ['endDate'],
};

export const createSprintBodySchema = z
  .object({
    teamId: idSchema,
    name: sprintName,
    goal: sprintGoal.default(''),
    startDate: sprintDate,
    endDate: sprintDate,
    capacityPoints: capacity.nullable().default(null),
  })
  .refine(datesInOrder, datesMessage)
  .refine(notTooLong, lengthMessage);
export type CreateSprintBody = z.input<typeof createSprintBodySchema>;

export const updateSprintBodySchema = z
  .object({
    name: sprintName.optional(),
    goal: sprintGoal.optional(),
    startDate: sprintDate.optional(),
    endDate: sprintDate.optional(),
    capacityPoints: capacity.nullable().optional(),
  })
  .refine(datesInOrder, datesMessage)
  .refine(notTooLong, lengthMessage);
export type UpdateSprintBody = z.infer<typeof updateSprintBodySchema>;

export const availabilityBodySchema = z.object({
  people: z
    .array(
      z.object({
        userId: idSchema,
        daysOff: z
          .number({ message: 'must be a number' })
          .int({ message: 'must be whole days' })
          .min(0, { message: 'may not be below zero' })
          .max(365),
      }),
    )
    .max(200),
});
export type AvailabilityBody = z.infer<typeof availabilityBodySchema>;

export const unfinishedOutcomes = ['carry-over', 'backlog'] as const;
export const closeSprintBodySchema = z.object({
  /** The scrum master's answer: was the sprint goal met? */
  goalMet: z.boolean({ message: 'must be yes or no' }),
  /** The planned sprint that carried-over cards go to; required when any card is carried over. */
  carryOverSprintId: idSchema.nullable().default(null),
  /** A choice per unfinished card; a card not listed returns to the backlog. */
  unfinished: z
    .array(z.object({ cardId: idSchema, outcome: z.enum(unfinishedOutcomes) }))
    .max(2000)
    .default([]),
});
export type CloseSprintBody = z.input<typeof closeSprintBodySchema>;

/** Puts a card into a planned or active sprint, or (null) back into the backlog. */
export const planCardBodySchema = z.object({ sprintId: idSchema.nullable() });
export type PlanCardBody = z.infer<typeof planCardBodySchema>;

/** Re-ranks a card in its team's backlog: right after another backlog card, or (null) at the top. */
export const rankBacklogBodySchema = z.object({ afterCardId: idSchema.nullable() });
export type RankBacklogBody = z.infer<typeof rankBacklogBodySchema>;

// ---------- reading sprints ----------

export const personLoadSchema = z.object({
  userId: idSchema,
  name: z.string(),
  daysOff: z.number().int(),
  /** Days the person can work in the sprint: working days less days off. */
  availableDays: z.number().int(),
  points: z.number().int(),
});

export const closedCardSchema = z.object({ id: idSchema, title: z.string(), points: z.number().int() });
export const closeReportSchema = z.object({
  done: z.array(closedCardSchema),
  carriedOver: z.array(closedCardSchema),
  returnedToBacklog: z.array(closedCardSchema),
  carryOverSprintId: idSchema.nullable(),
});
export type CloseReport = z.infer<typeof closeReportSchema>;

export const planningCardSchema = sprintCardSchema.extend({
  ownerIds: z.array(idSchema),
  labels: z.array(z.string()),
  principleIds: z.array(idSchema),
  principleNames: z.array(z.string()),
  version: z.number().int(),
});
export type PlanningCard = z.infer<typeof planningCardSchema>;

export const sprintPlanSchema = sprintSummarySchema.extend({
  cards: z.array(planningCardSchema),
  startedAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
  /** Working days (Monday to Friday) between the start and end dates, in the team's time zone. */
  workingDays: z.number().int(),
  people: z.array(personLoadSchema),
  /** Capacity suggested from availability and the average velocity of the last three sprints; null without history. */
  suggestedCapacity: z.number().int().nullable(),
  goalMet: z.boolean().nullable(),
  startCommittedPoints: z.number().int().nullable(),
  completedPoints: z.number().int().nullable(),
  report: closeReportSchema.nullable(),
  timeZone: z.string(),
});
export type SprintPlan = z.infer<typeof sprintPlanSchema>;

export const teamParamsSchema = z.object({ teamId: idSchema });
export const backlogSchema = z.object({ cards: z.array(planningCardSchema) });
export type Backlog = z.infer<typeof backlogSchema>;

// ---------- charts ----------

export const burnDaySchema = z.object({
  /** The calendar day, in the team's time zone. */
  date: z.iso.date(),
  ideal: z.number(),
  /** Points in the sprint at the end of the day, done or not. */
  scope: z.number().int().nullable(),
  completed: z.number().int().nullable(),
  /** Null for days still to come. */
  remaining: z.number().int().nullable(),
});
export const scopeChangeSchema = z.object({
  cardId: idSchema,
  title: z.string(),
  points: z.number().int(),
  at: isoDateTime,
  change: z.enum(['added', 'removed']),
});
export const sprintChartSchema = z.object({
  sprintId: idSchema,
  name: z.string(),
  state: sprintStateSchema,
  startDate: isoDateTime,
  endDate: isoDateTime,
  timeZone: z.string(),
  committedPoints: z.number().int(),
  days: z.array(burnDaySchema),
  scopeChanges: z.array(scopeChangeSchema),
});
export type SprintChart = z.infer<typeof sprintChartSchema>;

export const velocityQuerySchema = z.object({
  teamId: idSchema,
  last: z.coerce.number().int().min(1).max(50).default(8),
});
export const velocitySchema = z.object({
  sprints: z.array(
    z.object({
      sprintId: idSchema,
      name: z.string(),
      endDate: isoDateTime,
      committed: z.number().int(),
      completed: z.number().int(),
    }),
  ),
  /** Average completed points of the last three closed sprints; null before any closed. */
  averageOfLastThree: z.number().nullable(),
});
export type Velocity = z.infer<typeof velocitySchema>;
