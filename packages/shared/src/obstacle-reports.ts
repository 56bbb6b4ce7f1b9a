// The PMO's obstacle reports: every blocked card across the teams a person may read, blocked time per category and
// team over a period, and the weekly time to clear. Same access rules, period and team filter as the portfolio.
import { z } from 'zod';
import { idSchema, isoDateTime } from './common';
import { blockerCategorySchema, pmoHandlingSchema } from './obstacles';
import { teamListSchema } from './portfolio';

export const obstacleSortKeys = ['age', 'team', 'title', 'owner', 'category', 'escalated', 'state'] as const;
export type ObstacleSortKey = (typeof obstacleSortKeys)[number];

export const OBSTACLE_LIST_MAX = 5000;

export const obstacleListQuerySchema = z.object({
  teams: teamListSchema.optional(),
  category: blockerCategorySchema.optional(),
  escalated: z.enum(['yes', 'no'], { message: 'must be yes or no' }).optional(),
  owner: idSchema.optional(),
  /** Oldest obstacle first unless told otherwise. */
  sort: z.enum(obstacleSortKeys, { message: `must be one of ${obstacleSortKeys.join(', ')}` }).default('age'),
  dir: z.enum(['asc', 'desc'], { message: 'must be asc or desc' }).optional(),
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(1, { message: 'must be at least 1' })
    .max(OBSTACLE_LIST_MAX, { message: `must be at most ${OBSTACLE_LIST_MAX}` })
    .default(200),
});
export type ObstacleListQuery = z.output<typeof obstacleListQuerySchema>;

export const obstacleSchema = z.object({
  cardId: idSchema,
  title: z.string(),
  teamId: idSchema,
  teamName: z.string(),
  boardId: idSchema,
  owners: z.array(z.object({ id: idSchema, name: z.string() })),
  category: blockerCategorySchema.nullable(),
  reason: z.string().nullable(),
  blockedSince: isoDateTime.nullable(),
  /** Whole days blocked so far. */
  ageDays: z.number().int().min(0),
  escalatedAt: isoDateTime.nullable(),
  /** The PMO's handling; null when the card is not escalated. */
  pmo: pmoHandlingSchema.nullable(),
});
export type Obstacle = z.infer<typeof obstacleSchema>;

export const obstacleListSchema = z.object({
  obstacles: z.array(obstacleSchema),
  /** Every blocked card the filters match; `obstacles` holds the first `limit` of them in the order asked for. */
  total: z.number().int(),
  /** The people who own a blocked card in the teams shown, for the owner filter. */
  owners: z.array(z.object({ id: idSchema, name: z.string() })),
});
export type ObstacleList = z.infer<typeof obstacleListSchema>;

const periodAnswer = {
  from: z.string(),
  to: z.string(),
  tz: z.string(),
  teams: z.array(z.object({ id: idSchema, name: z.string() })),
};

export const blockedTimeSchema = z.object({
  ...periodAnswer,
  /** Card-hours blocked within the period, per team and category; a null category is an obstacle raised without one. */
  rows: z.array(
    z.object({
      teamId: idSchema,
      category: blockerCategorySchema.nullable(),
      hours: z.number(),
      cards: z.number().int(),
    }),
  ),
});
export type BlockedTime = z.infer<typeof blockedTimeSchema>;

const week = { week: z.string(), cleared: z.number().int(), medianHours: z.number() };
export const timeToClearSchema = z.object({
  ...periodAnswer,
  /** Per week the obstacles were cleared in (weeks start on Monday): how many, and their median time to clear. */
  byCategory: z.array(z.object({ ...week, category: blockerCategorySchema.nullable() })),
  byTeam: z.array(z.object({ ...week, teamId: idSchema })),
});
export type TimeToClear = z.infer<typeof timeToClearSchema>;
