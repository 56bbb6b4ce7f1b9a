import { z } from 'zod';
import { isValidDomain } from '@amb/domain/organisation';
import { idSchema, isoDateTime, teamKindSchema } from './common';

export const signUpPolicies = ['OPEN', 'INVITATION_ONLY', 'DOMAINS'] as const;
export const signUpPolicySchema = z.enum(signUpPolicies);

export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isValidDomain, { message: 'must be a domain such as example.com' });

export const signUpSettingsSchema = z.object({
  signUpPolicy: signUpPolicySchema,
  allowedDomains: z.array(z.string()),
});
export type SignUpSettings = z.infer<typeof signUpSettingsSchema>;

export const signUpSettingsBodySchema = z
  .object({
    signUpPolicy: signUpPolicySchema,
    allowedDomains: z.array(domainSchema).max(50, { message: 'may hold at most 50 domains' }).default([]),
  })
  .refine((b) => b.signUpPolicy !== 'DOMAINS' || b.allowedDomains.length > 0, {
    message: 'must name at least one domain when sign-up is limited to domains',
    path: ['allowedDomains'],
  });

/** What the sign-up page needs to know before anyone signs in. */
export const signUpStatusSchema = z.object({
  /** No account exists yet: the next one becomes the admin. */
  firstRun: z.boolean(),
  signUpPolicy: signUpPolicySchema,
  /** With the DOMAINS policy, the domains that may sign up. */
  allowedDomains: z.array(z.string()),
});
export type SignUpStatus = z.infer<typeof signUpStatusSchema>;

/** For a person on no team: the teams they may ask to join and whom to ask. */
export const directorySchema = z.object({
  teams: z.array(z.object({ id: idSchema, name: z.string(), kind: teamKindSchema })),
  admins: z.array(z.object({ name: z.string(), email: z.string() })),
});
export type Directory = z.infer<typeof directorySchema>;

/** One admin action from the activity log, as the audit page lists it. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: isoDateTime,
  kind: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The person the action was about, when there is one. */
  subject: z.object({ id: z.string(), name: z.string() }).nullable(),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), nextBefore: z.string().nullable() });
export const auditQuerySchema = z.object({
  /** Entries older than this id (the previous page's `nextBefore`). */
  before: z
    .string()
    .regex(/^\d{1,19}$/, { message: 'must be an entry id' })
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
