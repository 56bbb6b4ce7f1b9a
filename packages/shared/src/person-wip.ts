import { z } from 'zod';
import { wipPolicySchema } from './boards';
import { idSchema } from './common';

// A person's WIP limit: the most open cards they may own in in-progress columns, across every board.

export const personWipLimitSchema = z
  .number({ message: 'must be a number' })
  .int({ message: 'must be a whole number' })
  .min(1, { message: 'must be at least 1, or null for no limit' })
  .max(99, { message: 'must be at most 99' })
  .nullable();

export const setPersonWipLimitBodySchema = z.object({
  wipLimit: personWipLimitSchema,
  wipPolicy: wipPolicySchema.default('SOFT'),
});
export type SetPersonWipLimitBody = z.infer<typeof setPersonWipLimitBodySchema>;

/** A person with their limit and how many open cards they own in progress now, on every board. */
export const personWipSchema = z.object({
  userId: idSchema,
  name: z.string(),
  wipLimit: z.number().int().nullable(),
  wipPolicy: wipPolicySchema,
  count: z.number().int(),
});
export type PersonWip = z.infer<typeof personWipSchema>;

export const boardPeopleWipSchema = z.object({ people: z.array(personWipSchema) });
export type BoardPeopleWip = z.infer<typeof boardPeopleWipSchema>;
