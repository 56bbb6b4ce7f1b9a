import { z } from 'zod';
import { cardSummarySchema, cardTypeSchema, experimentResultSchema } from './boards';
import { blockerCategorySchema, pmoHandlingSchema } from './obstacles';
import { idSchema, isoDateTime } from './common';
import { cardOriginSchema } from './retrospectives';
import { unreachedMentionsSchema } from './notifications';

export const cardParamsSchema = z.object({ cardId: idSchema });
const versionSchema = z
  .number({ message: 'must be a number' })
  .int()
  .positive({ message: 'must be the version of the card you last saw' });
const titleSchema = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(200, { message: 'must be at most 200 characters' });
export const labelSchema = z
  .string()
  .trim()
  .min(1, { message: 'may not be empty' })
  .max(40, { message: 'must be at most 40 characters' });

/** Move a card: to a column (and swimlane), placed right after `afterCardId` (null: at the top). */
export const moveCardBodySchema = z.object({
  columnId: idSchema,
  /** Omit to keep the card's swimlane; null takes it out of every swimlane. */
  swimlaneId: idSchema.nullable().optional(),
  afterCardId: idSchema.nullable(),
  version: versionSchema,
});
export type MoveCardBody = z.infer<typeof moveCardBodySchema>;

export const wipOverageSchema = z.object({
  /** A person's limit counts the cards they own in progress on every board; `id` is then the person's. */
  scope: z.enum(['column', 'swimlane', 'person']),
  id: idSchema,
  name: z.string(),
  limit: z.number().int(),
  count: z.number().int(),
});
export type WipOverageView = z.infer<typeof wipOverageSchema>;

/** A written card, with the soft WIP limits it now keeps over their limit (the board shows them). */
export const cardWriteResultSchema = z.object({ card: cardSummarySchema, overLimit: z.array(wipOverageSchema) });
export type CardWriteResult = z.infer<typeof cardWriteResultSchema>;

/** An edited card, and the people its new description mentions who will not be told. */
export const cardUpdateResultSchema = cardWriteResultSchema.extend({ unreachedMentions: unreachedMentionsSchema });
export type CardUpdateResult = z.infer<typeof cardUpdateResultSchema>;

/** A calendar day or a full timestamp. */
const cardDateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  message: 'must be a date like 2026-12-01',
});

export const createCardBodySchema = z.object({
  columnId: idSchema,
  swimlaneId: idSchema.nullable().default(null),
  /** Quick add puts a card at the top or the bottom of the column. */
  position: z.enum(['top', 'bottom']).default('bottom'),
  title: titleSchema,
  type: cardTypeSchema.default('TASK'),
  description: z.string().max(20_000).default(''),
  /** Owners from the start; a card created in progress counts against their WIP limits. */
  ownerIds: z.array(idSchema).max(20).default([]),
  /** When the card spans days; the start may not come after the due date. */
  startDate: cardDateSchema.nullable().default(null),
  dueDate: cardDateSchema.nullable().default(null),
});
export type CreateCardBody = z.input<typeof createCardBodySchema>;

export const updateCardBodySchema = z
  .object({
    version: versionSchema,
    title: titleSchema.optional(),
    description: z.string().max(20_000, { message: 'must be at most 20,000 characters' }).optional(),
    type: cardTypeSchema.optional(),
    estimate: z
      .number({ message: 'must be a number' })
      .int({ message: 'must be a whole number of points' })
      .min(0)
      .max(1000)
      .nullable()
      .optional(),
    /** A calendar day or a full timestamp; the start may not come after the due date. */
    startDate: cardDateSchema.nullable().optional(),
    dueDate: cardDateSchema.nullable().optional(),
    labels: z.array(labelSchema).max(20, { message: 'may hold at most 20 labels' }).optional(),
    ownerIds: z.array(idSchema).max(20).optional(),
    principleIds: z.array(idSchema).max(20).optional(),
    blocked: z.boolean().optional(),
    blockedReason: z.string().trim().max(500).nullable().optional(),
    /** What kind of obstacle it is, for the PMO's blocked-time figures. */
    blockerCategory: blockerCategorySchema.nullable().optional(),
    sprintId: idSchema.nullable().optional(),
    /** The organisation's campaign the card delivers for; null takes it out of its campaign. */
    campaignId: idSchema.nullable().optional(),
    hypothesis: z.string().max(2000).nullable().optional(),
    metric: z.string().max(500).nullable().optional(),
    experimentResult: experimentResultSchema.nullable().optional(),
  })
  .refine((b) => b.blocked !== true || (b.blockedReason ?? '').trim().length > 0, {
    message: 'is required when a card is blocked: say what the obstacle is',
    path: ['blockedReason'],
  });
export type UpdateCardBody = z.infer<typeof updateCardBodySchema>;

export const versionBodySchema = z.object({ version: versionSchema });

export const personRefSchema = z.object({ id: idSchema, name: z.string() });

/** `body` keeps mentions as references (`@[person id]`); `mentions` names those people as they are called now. */
export const commentSchema = z.object({
  id: idSchema,
  author: personRefSchema.nullable(),
  body: z.string(),
  mentions: z.array(personRefSchema),
  createdAt: isoDateTime,
  editedAt: isoDateTime.nullable(),
});
/** A comment just written, and the people it mentions who will not be told. */
export const addedCommentSchema = commentSchema.extend({ unreachedMentions: unreachedMentionsSchema });
/** A page of a card's comments, oldest first, before the comment `before` (or the newest, without it). */
export const commentPageQuerySchema = z.object({
  before: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const commentPageSchema = z.object({ comments: z.array(commentSchema), hasOlder: z.boolean() });
export type CommentPage = z.infer<typeof commentPageSchema>;
export const addCommentBodySchema = z.object({
  body: z.string().trim().min(1, { message: 'is required' }).max(10_000),
});

export const checklistItemSchema = z.object({
  id: idSchema,
  text: z.string(),
  done: z.boolean(),
  position: z.number().int(),
});
export const checklistSchema = z.object({
  id: idSchema,
  title: z.string(),
  position: z.number().int(),
  items: z.array(checklistItemSchema),
});
export const addChecklistBodySchema = z.object({
  title: z.string().trim().min(1, { message: 'is required' }).max(200),
});
export const checklistParamsSchema = z.object({ checklistId: idSchema });
export const addChecklistItemBodySchema = z.object({
  text: z.string().trim().min(1, { message: 'is required' }).max(500),
});
export const checklistItemParamsSchema = z.object({ itemId: idSchema });
export const updateChecklistItemBodySchema = z.object({
  text: z.string().trim().min(1).max(500).optional(),
  done: z.boolean().optional(),
});

export const linkKinds = ['DEPENDS_ON', 'BLOCKS', 'RELATES'] as const;
export const linkKindSchema = z.enum(linkKinds);
/** The other end of a link, possibly on another team's board. */
export const linkedCardSchema = z.object({
  id: idSchema,
  title: z.string(),
  boardId: idSchema,
  teamId: idSchema,
  teamName: z.string(),
  columnName: z.string(),
  done: z.boolean(),
});
export const cardLinkSchema = z.object({
  id: idSchema,
  kind: linkKindSchema,
  /** outgoing: this card DEPENDS_ON / BLOCKS / RELATES the other; incoming: the other does so to this card. */
  direction: z.enum(['outgoing', 'incoming']),
  /** null when the other card is on a team the reader cannot see: only that such a link exists is shown. */
  card: linkedCardSchema.nullable(),
});
export const addLinkBodySchema = z.object({ toCardId: idSchema, kind: linkKindSchema });
export const linkParamsSchema = z.object({ linkId: idSchema });

/** One entry of a card's history: `kind`, `field`, `from` and `to` follow the kind's schema in ./activity. */
export const historyEntrySchema = z.object({
  id: z.string(),
  at: isoDateTime,
  actor: personRefSchema.nullable(),
  kind: z.string(),
  field: z.string().nullable(),
  from: z.unknown(),
  to: z.unknown(),
});

export const cardDetailSchema = cardSummarySchema.extend({
  boardId: idSchema,
  teamId: idSchema,
  /** Keeps mentions as references, as comments do; `descriptionMentions` names those people. */
  description: z.string(),
  descriptionMentions: z.array(personRefSchema),
  hypothesis: z.string().nullable(),
  metric: z.string().nullable(),
  blockerCategory: blockerCategorySchema.nullable(),
  /** When the obstacle was escalated to the PMO; null when it is not on the PMO's obstacle list. */
  escalatedAt: isoDateTime.nullable(),
  /** The PMO's handling of the escalated obstacle (being handled by whom, with a note); null when not escalated. */
  pmo: pmoHandlingSchema.nullable(),
  archivedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  startedAt: isoDateTime.nullable(),
  completedAt: isoDateTime.nullable(),
  owners: z.array(personRefSchema),
  /** The newest comments, oldest first; older ones page in through GET /cards/:cardId/comments?before=. */
  comments: z.array(commentSchema),
  hasOlderComments: z.boolean(),
  checklists: z.array(checklistSchema),
  links: z.array(cardLinkSchema),
  history: z.array(historyEntrySchema),
  /** Names of the columns, sprints, people and cards the history refers to, by id. */
  historyNames: z.record(z.string(), z.string()),
  /** The retrospective action the card was made from; null for any other card. */
  origin: cardOriginSchema.nullable(),
});
export type CardDetail = z.infer<typeof cardDetailSchema>;

/** Cards found for the link picker, across every team the person can see. */
export const SEARCH_MIN_LENGTH = 2;
export const cardSearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(SEARCH_MIN_LENGTH, { message: `must be at least ${SEARCH_MIN_LENGTH} characters` })
    .max(200),
});
export const cardSearchResultSchema = z.object({ cards: z.array(linkedCardSchema) });

export const archivedCardsSchema = z.object({ cards: z.array(cardSummarySchema) });
