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
