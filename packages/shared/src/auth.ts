import { z } from 'zod';
import { passwordProblem } from '@amb/domain/passwords';
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

/** Refuses a too common password, or the person's own e-mail, on an object with `email` and `password`. */
export const refusePoorPassword = (value: { email: string; password: string }, ctx: z.RefinementCtx) => {
  // Only once the password has an acceptable length: one message at a time, the first that applies.
  if (typeof value.password !== 'string' || value.password.length < PASSWORD_MIN) return;
  const problem = passwordProblem(value.password, value.email);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
};

export const signUpBodySchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1, { message: 'is required' }).max(120),
    password: newPasswordSchema,
  })
  .superRefine(refusePoorPassword);
export type SignUpBody = z.infer<typeof signUpBodySchema>;

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
