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
