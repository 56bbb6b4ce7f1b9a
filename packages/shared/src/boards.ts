import { z } from 'zod';
import { flowCategories } from '@amb/domain/flow-categories';
import { idSchema, isoDateTime } from './common';
import { hasOddNameCharacters, oddNameMessage } from './text';

export const wipPolicies = ['SOFT', 'HARD'] as const;
export { flowCategories };
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
  /** Days a card may sit in the column before the stand-up lists it as aging. */
  agingDays: z.number().int(),
  /** A card leaves the column only once its approval stands approved. */
  requiresApproval: z.boolean(),
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
  /** When a card spans days (an event, a campaign push): never after its due date. */
  startDate: isoDateTime.nullable(),
  dueDate: isoDateTime.nullable(),
  labels: z.array(z.string()),
  blocked: z.boolean(),
  blockedReason: z.string().nullable(),
  blockedSince: isoDateTime.nullable(),
  /** An experiment's hypothesis (null for a task or when not written yet). */
  hypothesis: z.string().nullable(),
  experimentResult: experimentResultSchema.nullable(),
  /** The organisation's campaign the card delivers for (decision 75). */
  campaignId: idSchema.nullable(),
  ownerIds: z.array(idSchema),
  principleIds: z.array(idSchema),
  /** Where the card's approval stands ("approval 1 of 2"), or null when none was asked for. */
  approval: z
    .object({
      state: z.enum(['pending', 'approved', 'changes_requested']),
      approved: z.number().int(),
      of: z.number().int(),
    })
    .nullable(),
  /** The image shown on the card's face: one of its attachments, as a thumbnail of its newest version. */
  cover: z.object({ attachmentId: idSchema, thumbnailUrl: z.string() }).nullable(),
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

/** A column's or swimlane's name: one line of printable text. */
const nameSchema = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(80, { message: 'must be at most 80 characters' })
  .refine((name) => !hasOddNameCharacters(name), { message: oddNameMessage });
export const agingDaysSchema = z
  .number({ message: 'must be a number' })
  .int({ message: 'must be a whole number of days' })
  .min(1, { message: 'must be at least 1 day' })
  .max(365, { message: 'must be at most 365 days' });
const wipLimitSchema = z
  .number({ message: 'must be a number' })
  .int({ message: 'must be a whole number' })
  .min(1, { message: 'must be at least 1, or null for no limit' })
  .max(999)
  .nullable();

export const columnParamsSchema = z.object({ columnId: idSchema });
export const createColumnBodySchema = z.object({
  boardId: idSchema,
  name: nameSchema,
  flowCategory: flowCategorySchema.default('IN_PROGRESS'),
  wipLimit: wipLimitSchema.default(null),
  wipPolicy: wipPolicySchema.default('SOFT'),
  requiresApproval: z.boolean().default(false),
  /** Where it goes, 0 = first; omitted, it goes last. */
  position: z.number().int().min(0).optional(),
});
export const updateColumnBodySchema = z.object({
  name: nameSchema.optional(),
  flowCategory: flowCategorySchema.optional(),
  wipLimit: wipLimitSchema.optional(),
  wipPolicy: wipPolicySchema.optional(),
  agingDays: agingDaysSchema.optional(),
  requiresApproval: z.boolean().optional(),
  position: z.number().int().min(0).optional(),
});

export const swimlaneParamsSchema = z.object({ swimlaneId: idSchema });
export const createSwimlaneBodySchema = z.object({
  boardId: idSchema,
  name: nameSchema,
  wipLimit: wipLimitSchema.default(null),
  wipPolicy: wipPolicySchema.default('SOFT'),
  position: z.number().int().min(0).optional(),
});
export const updateSwimlaneBodySchema = z.object({
  name: nameSchema.optional(),
  wipLimit: wipLimitSchema.optional(),
  wipPolicy: wipPolicySchema.optional(),
  position: z.number().int().min(0).optional(),
});

/** What changed on a board, sent live to everyone looking at it (server-sent events, `event: board`). */
export const boardEventSchema = z.object({
  /** The activity id; a client that reconnects asks for everything after the last one it saw. */
  activityId: z.string(),
  kind: z.string(),
  actorId: idSchema.nullable(),
  cardId: idSchema.nullable(),
  /** The card as it is now; null when the event is not about one card or the card left the board (archived). */
  card: cardSummarySchema.nullable(),
  /** True when columns or swimlanes changed: the client reloads the board. */
  reload: z.boolean(),
});
export type BoardEvent = z.infer<typeof boardEventSchema>;
export const boardEventsQuerySchema = z.object({
  after: z.string().regex(/^\d+$/, { message: 'must be an activity id' }).optional(),
});
