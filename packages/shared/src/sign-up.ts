import { z } from 'zod';
import { passwordProblem } from '@amb/domain/passwords';
import { emailSchema, newPasswordSchema, PASSWORD_MIN } from './auth';

// Creating an account, apart from signing in, so the sign-in page does not carry the list of common passwords.

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
