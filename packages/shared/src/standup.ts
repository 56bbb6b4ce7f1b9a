// The daily stand-up view of a team: obstacles, aging cards, what changed since the last stand-up, WIP breaches.
import { z } from 'zod';
import { standupTimePattern } from '@amb/domain/standup';
import { blockerCategorySchema } from './activity';
import { idSchema, isoDateTime } from './common';
import { pmoHandlingSchema } from './obstacles';
import { timeZoneSchema } from './portfolio';

export const standupTimeSchema = z
  .string()
  .regex(standupTimePattern, { message: 'must be a time of day as HH:MM (24-hour clock)' });

/** The window to report on; left out, it is "since the last stand-up" at the team's stand-up time. */
export const standupQuerySchema = z.object({ since: isoDateTime.optional(), until: isoDateTime.optional() });
export type StandupQuery = z.infer<typeof standupQuerySchema>;

/** When the team's stand-up starts, in the team's time zone (which may be changed with it: it also sets the team's days). */
export const standupSettingsBodySchema = z.object({
  standupTime: standupTimeSchema,
  timeZone: timeZoneSchema.optional(),
});
export type StandupSettingsBody = z.infer<typeof standupSettingsBodySchema>;
export const standupSettingsSchema = z.object({ teamId: idSchema, standupTime: z.string(), timeZone: z.string() });

const cardRef = {
  cardId: idSchema,
  title: z.string(),
  boardId: idSchema,
  columnId: idSchema,
  columnName: z.string(),
  ownerIds: z.array(idSchema),
};

export const standupBlockedCardSchema = z.object({
  ...cardRef,
  reason: z.string().nullable(),
  category: blockerCategorySchema.nullable(),
  blockedSince: isoDateTime.nullable(),
  /** Whole days blocked so far. */
  blockedDays: z.number().int().min(0),
  /** When it was escalated to the PMO; null when it is not on the PMO's obstacle list. */
  escalatedAt: isoDateTime.nullable(),
  /** The PMO's handling of the escalated obstacle; null when not escalated. */
  pmo: pmoHandlingSchema.nullable(),
  version: z.number().int(),
});
export type StandupBlockedCard = z.infer<typeof standupBlockedCardSchema>;

export const standupAgingCardSchema = z.object({
  ...cardRef,
  enteredColumnAt: isoDateTime,
  daysInColumn: z.number().int().min(0),
  thresholdDays: z.number().int().min(0),
  blocked: z.boolean(),
});
export type StandupAgingCard = z.infer<typeof standupAgingCardSchema>;

/** A card whose approval is still asked: who has yet to answer, and since when it waits. */
export const standupApprovalSchema = z.object({
  ...cardRef,
  /** The file version asked about; null when the card itself is to be approved. */
  attachmentName: z.string().nullable(),
  requestedAt: isoDateTime,
  /** Whole days since it was asked. */
  waitingDays: z.number().int().min(0),
  state: z.enum(['pending', 'changes_requested']),
  approved: z.number().int().min(0),
  of: z.number().int().min(0),
  /** The people asked who have not answered yet. */
  waitingOn: z.array(z.object({ userId: idSchema, name: z.string() })),
});
export type StandupApproval = z.infer<typeof standupApprovalSchema>;

export const standupEntrySchema = z.object({
  id: z.string(),
  at: isoDateTime,
  kind: z.string(),
  cardId: idSchema.nullable(),
  field: z.string().nullable(),
  from: z.unknown(),
  to: z.unknown(),
});
export type StandupEntry = z.infer<typeof standupEntrySchema>;

export const standupSchema = z.object({
  teamId: idSchema,
  teamName: z.string(),
  timeZone: z.string(),
  standupTime: z.string(),
  since: isoDateTime,
  until: isoDateTime,
  activeSprintId: idSchema.nullable(),
  /** The working columns (to do, in progress) to walk through, right to left on each board: nearest to done first. */
  columns: z.array(z.object({ id: idSchema, name: z.string(), boardId: idSchema, cardCount: z.number().int().min(0) })),
  /** The team's people in speaking order (by name), viewers left out. */
  people: z.array(z.object({ userId: idSchema, name: z.string() })),
  blocked: z.array(standupBlockedCardSchema),
  /** Oldest first. */
  aging: z.array(standupAgingCardSchema),
  /** Approvals not yet given, longest waiting first. */
  approvals: z.array(standupApprovalSchema),
  /** What each person did in the window, oldest first; `userId` null for changes nobody made by hand. */
  changes: z.array(z.object({ userId: idSchema.nullable(), entries: z.array(standupEntrySchema) })),
  wipBreaches: z.array(
    z.object({
      boardId: idSchema,
      scope: z.enum(['column', 'swimlane']),
      id: idSchema,
      name: z.string(),
      limit: z.number().int(),
      count: z.number().int(),
    }),
  ),
  /** Names of the people, columns, cards and sprints the entries refer to, for the history sentences. */
  names: z.record(z.string(), z.string()),
});
export type Standup = z.infer<typeof standupSchema>;

export const escalateCardBodySchema = z.object({ escalated: z.boolean() });
export const escalationSchema = z.object({ cardId: idSchema, escalatedAt: isoDateTime.nullable() });
export type EscalateCardBody = z.infer<typeof escalateCardBodySchema>;
