import { z } from 'zod';
import { newPasswordSchema } from './auth';
import { isoDateTime } from './common';

export const updateAccountBodySchema = z.object({
  name: z.string().trim().min(1, { message: 'is required' }).max(120, { message: 'must be at most 120 characters' }),
});
export type UpdateAccountBody = z.infer<typeof updateAccountBodySchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, { message: 'is required' }).max(200),
  newPassword: newPasswordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const sessionIdSchema = z.string().regex(/^[0-9a-f]{16}$/, { message: 'must be a session id' });
export const sessionParamsSchema = z.object({ sessionId: sessionIdSchema });

export const accountSessionSchema = z.object({
  /** A short public id for the session (not the cookie, nor its hash). */
  id: sessionIdSchema,
  userAgent: z.string(),
  createdAt: isoDateTime,
  lastSeenAt: isoDateTime,
  expiresAt: isoDateTime,
  current: z.boolean(),
});
export type AccountSession = z.infer<typeof accountSessionSchema>;
export const accountSessionListSchema = z.object({ sessions: z.array(accountSessionSchema) });

// ---- Personal access tokens ----------------------------------------------------------------------------------------

export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 366;
/** How many live tokens one person may hold at once. */
export const API_TOKEN_MAX_PER_PERSON = 20;

export const createApiTokenBodySchema = z.object({
  name: z.string().trim().min(1, { message: 'is required' }).max(80, { message: 'must be at most 80 characters' }),
  access: z.enum(['read', 'write'], { message: 'must be read or write' }),
  expiresInDays: z
    .number({ message: 'must be a number of days' })
    .int({ message: 'must be a whole number of days' })
    .min(1, { message: 'must be at least 1 day' })
    .max(API_TOKEN_MAX_DAYS, { message: `must be at most ${API_TOKEN_MAX_DAYS} days (a year)` })
    .default(API_TOKEN_DEFAULT_DAYS),
});
export type CreateApiTokenBody = z.input<typeof createApiTokenBodySchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  access: z.enum(['read', 'write']),
  /** The token's first characters, to tell tokens apart; never enough to use one. */
  prefix: z.string(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
  /** Whose token it is (in the admins' list of everyone's tokens). */
  owner: z.object({ id: z.string(), name: z.string(), email: z.string() }),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
export const apiTokenListSchema = z.object({ tokens: z.array(apiTokenSchema) });
/** A new token: the secret is in this answer only, never again. */
export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
export const apiTokenParamsSchema = z.object({ tokenId: z.uuid({ message: 'must be a valid id' }) });

// ---- Calendar feeds ------------------------------------------------------------------------------------------------

/** How many live calendar feeds one person may hold at once. */
export const CALENDAR_FEED_MAX_PER_PERSON = 20;

/** "My cards" (the cards I own on every team I can read) or one team's cards. */
export const createCalendarFeedBodySchema = z.discriminatedUnion(
  'scope',
  [
    z.object({ scope: z.literal('mine') }),
    z.object({ scope: z.literal('team'), teamId: z.uuid({ message: 'must be a valid team id' }) }),
  ],
  { message: 'must be mine or team' },
);
export type CreateCalendarFeedBody = z.infer<typeof createCalendarFeedBodySchema>;

export const calendarFeedSchema = z.object({
  id: z.string(),
  scope: z.enum(['mine', 'team']),
  /** The team of a team feed; null for "my cards". */
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** What the calendar app shows as the calendar's name. */
  name: z.string(),
  createdAt: isoDateTime,
  renewedAt: isoDateTime.nullable(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;
export const calendarFeedListSchema = z.object({ feeds: z.array(calendarFeedSchema) });
/** A new or renewed feed: its URL (holding the secret) is in this answer only, never again. */
export const createdCalendarFeedSchema = calendarFeedSchema.extend({ url: z.string() });
export type CreatedCalendarFeed = z.infer<typeof createdCalendarFeedSchema>;
export const calendarFeedParamsSchema = z.object({ feedId: z.uuid({ message: 'must be a valid id' }) });
