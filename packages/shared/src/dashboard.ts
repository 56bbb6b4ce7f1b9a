import { z } from 'zod';
import { flowCategorySchema, wipPolicySchema } from './boards';
import { idSchema, teamKindSchema } from './common';

export const columnLoadSchema = z.object({
  id: idSchema,
  name: z.string(),
  flowCategory: flowCategorySchema,
  count: z.number().int(),
  wipLimit: z.number().int().nullable(),
  wipPolicy: wipPolicySchema,
  overLimit: z.boolean(),
});

/** One team at a glance, for the PMO: work in progress against limits, obstacles, the sprint. */
export const teamOverviewSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: teamKindSchema,
  boardId: idSchema.nullable(),
  columns: z.array(columnLoadSchema),
  blockedCount: z.number().int(),
  /** Days the oldest open obstacle has been blocking; null when nothing is blocked. */
  oldestObstacleDays: z.number().nullable(),
  openBreaches: z.number().int(),
  activeSprint: z
    .object({ id: idSchema, name: z.string(), committedPoints: z.number().int(), donePoints: z.number().int() })
    .nullable(),
});
export type TeamOverview = z.infer<typeof teamOverviewSchema>;
export const dashboardSchema = z.object({ teams: z.array(teamOverviewSchema) });
