import { z } from 'zod';
import { emailSchema, newPasswordSchema } from './auth';
import { idSchema, isoDateTime, teamRoleSchema } from './common';

export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'is not an invitation link' });

export const createInvitationBodySchema = z.object({
  email: emailSchema,
  role: teamRoleSchema,
});
export type CreateInvitationBody = z.infer<typeof createInvitationBodySchema>;

export const invitationStates = ['PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED'] as const;

export const invitationSchema = z.object({
  id: idSchema,
  email: z.string(),
  teamId: idSchema,
  role: teamRoleSchema,
  state: z.enum(invitationStates),
  invitedBy: z.string().nullable(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
});
export type Invitation = z.infer<typeof invitationSchema>;
export const invitationListSchema = z.object({ invitations: z.array(invitationSchema) });

export const createdInvitationSchema = z.object({
  invitation: invitationSchema,
  /** The link to pass on, when no mail server is configured; null when the invitation went out by mail. */
  link: z.string().nullable(),
  mailed: z.boolean(),
});
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

export const invitationParamsSchema = z.object({ invitationId: idSchema });
export const invitationTokenParamsSchema = z.object({ token: invitationTokenSchema });

/** What the person opening a link sees before accepting. */
export const invitationPreviewSchema = z.object({
  email: z.string(),
  teamName: z.string(),
  role: teamRoleSchema,
  invitedBy: z.string().nullable(),
  expiresAt: isoDateTime,
  /** An account with this address exists: accepting asks for its password instead of creating one. */
  accountExists: z.boolean(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const acceptInvitationBodySchema = z.object({
  token: invitationTokenSchema,
  /** Needed when the invitation creates the account. */
  name: z.string().trim().min(1, { message: 'is required' }).max(120).optional(),
  /** The new account's password, or the existing account's (not needed when already signed in as it). */
  password: newPasswordSchema.optional(),
});
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBodySchema>;
export const acceptedInvitationSchema = z.object({ teamId: idSchema, boardId: idSchema.nullable() });
