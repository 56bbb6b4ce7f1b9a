import { z } from 'zod';

/** Why a card is blocked, chosen when the obstacle is raised; stand-ups and the PMO report on these. */
export const blockerCategories = [
  'legal_compliance',
  'creative_approval',
  'vendor',
  'data',
  'other_team',
  'other',
] as const;
export const blockerCategorySchema = z.enum(blockerCategories);
export type BlockerCategory = z.infer<typeof blockerCategorySchema>;

// ---------- the PMO's obstacles: the list across teams, blocked time, time to clear, and the PMO's own flow ----------

/** Where the PMO is with an escalated obstacle: waiting for someone, being handled, or cleared on the PMO's side. */
export const pmoStates = ['escalated', 'handling', 'cleared'] as const;
export const pmoStateSchema = z.enum(pmoStates);
export type PmoState = z.infer<typeof pmoStateSchema>;

export const PMO_NOTE_MAX = 500;

/** The PMO's handling of an escalated card, as the team sees it on the card and at the stand-up. */
export const pmoHandlingSchema = z.object({
  state: pmoStateSchema,
  handler: z.object({ id: z.string(), name: z.string() }).nullable(),
  note: z.string().nullable(),
  /** When the state last changed (null while it waits). */
  at: z.string().nullable(),
});
export type PmoHandling = z.infer<typeof pmoHandlingSchema>;

/** The PMO takes on an escalated obstacle, or says it is cleared; either way with a note the team reads. */
export const pmoHandlingBodySchema = z.object({
  state: z.enum(['handling', 'cleared'], { message: 'must be handling or cleared' }),
  note: z
    .string({ message: 'must be text' })
    .trim()
    .min(1, { message: 'is required: tell the team what the PMO is doing about it' })
    .max(PMO_NOTE_MAX, { message: `must be at most ${PMO_NOTE_MAX} characters` }),
});
export type PmoHandlingBody = z.infer<typeof pmoHandlingBodySchema>;
