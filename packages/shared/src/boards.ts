import { z } from 'zod';
import { idSchema, isoDateTime } from './common';

export const wipPolicies = ['SOFT', 'HARD'] as const;
export const flowCategories = ['BACKLOG', 'TODO', 'IN_PROGRESS', 'DONE'] as const;
export const cardTypes = ['TASK', 'EXPERIMENT'] as const;
export const experimentResults = ['VALIDATED', 'INVALIDATED', 'INCONCLUSIVE'] as const;

export const wipPolicySchema = z.enum(wipPolicies);
export const flowCategorySchema = z.enum(flowCategories);
export const cardTypeSchema = z.enum(cardTypes);
export const experimentResultSchema = z.enum(experimentResults);

export const boardParamsSchema = z.object({ boardId: idSchema });

export const columnSchema = z.object({
  id: idSchema,
  name: z.string(),
  position: z.number().int(),
  wipLimit: z.number().int().nullable(),
  wipPolicy: wipPolicySchema,
  flowCategory: flowCategorySchema,
});
export type Column = z.infer<typeof columnSchema>;

export const swimlaneSchema = z.object({
  id: idSchema,
  name: z.string(),
  position: z.number().int(),
  wipLimit: z.number().int().nullable(),
  wipPolicy: wipPolicySchema,
});
export type Swimlane = z.infer<typeof swimlaneSchema>;

/** What a card shows on the board; the detail panel loads the rest. */
export const cardSummarySchema = z.object({
  id: idSchema,
  columnId: idSchema,
  swimlaneId: idSchema.nullable(),
  sprintId: idSchema.nullable(),
  type: cardTypeSchema,
  title: z.string(),
  rank: z.string(),
  estimate: z.number().int().nullable(),
  dueDate: isoDateTime.nullable(),
  labels: z.array(z.string()),
  blocked: z.boolean(),
  blockedReason: z.string().nullable(),
  blockedSince: isoDateTime.nullable(),
  experimentResult: experimentResultSchema.nullable(),
  ownerIds: z.array(idSchema),
  principleIds: z.array(idSchema),
  version: z.number().int(),
  updatedAt: isoDateTime,
});
export type CardSummary = z.infer<typeof cardSummarySchema>;

export const boardViewSchema = z.object({
  board: z.object({ id: idSchema, teamId: idSchema, name: z.string() }),
  columns: z.array(columnSchema),
  swimlanes: z.array(swimlaneSchema),
  cards: z.array(cardSummarySchema),
  people: z.array(z.object({ id: idSchema, name: z.string() })),
  /** The newest activity id included, so live updates can resume after it. */
  lastActivityId: z.string(),
});
export type BoardView = z.infer<typeof boardViewSchema>;
