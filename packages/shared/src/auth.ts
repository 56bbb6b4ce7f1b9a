import { z } from 'zod';
import { idSchema, orgRoleSchema, teamKindSchema, teamRoleSchema } from './common';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { message: 'must be at most 254 characters' })
  .pipe(z.email({ message: 'must be an email address' }));

export const signInBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: 'is required' }).max(PASSWORD_MAX),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, { message: `must be at least ${PASSWORD_MIN} characters` })
  .max(PASSWORD_MAX, { message: `must be at most ${PASSWORD_MAX} characters` });

export const membershipSchema = z.object({
  teamId: idSchema,
  teamName: z.string(),
  teamSlug: z.string(),
  teamKind: teamKindSchema,
  role: teamRoleSchema,
});

export const meSchema = z.object({
  user: z.object({
    id: idSchema,
    email: z.string(),
    name: z.string(),
    orgRole: orgRoleSchema,
  }),
  memberships: z.array(membershipSchema),
});
export type Me = z.infer<typeof meSchema>;
