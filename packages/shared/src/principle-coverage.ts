// How work spreads over the manifesto's principles, per team and over time, for the PMO's quarterly review.
import { z } from 'zod';
import { idSchema } from './common';
import { checkPeriod, periodFields, teamIdsQuerySchema } from './portfolio';

export const principleCoverageQuerySchema = z
  .object({
    ...periodFields,
    teams: teamIdsQuerySchema.optional(),
    bucket: z.enum(['week', 'month'], 'must be week or month').default('week'),
  })
  .superRefine(checkPeriod);
export type PrincipleCoverageQuery = z.input<typeof principleCoverageQuerySchema>;

const count = z.number().int();

export const principleCoverageSchema = z.object({
  from: z.string(),
  to: z.string(),
  tz: z.string(),
  bucket: z.enum(['week', 'month']),
  /** The first day of each bucket, the first clipped to `from`. */
  buckets: z.array(z.string()),
  /** The principles in use (not archived), in their order. */
  principles: z.array(z.object({ id: idSchema, key: z.string(), name: z.string() })),
  teams: z.array(z.object({ id: idSchema, name: z.string() })),
  /** Cards finished and their points, per team, principle (null: no principle) and bucket. Empty cells are left out. */
  cells: z.array(
    z.object({ teamId: idSchema, principleId: idSchema.nullable(), bucket: count, cards: count, points: count }),
  ),
  /** Per principle, over the chosen teams: cards finished in the last days of the period, in progress now, the last finish. */
  recent: z.object({
    from: z.string(),
    principles: z.array(
      z.object({
        principleId: idSchema,
        finishedRecently: count,
        inProgressNow: count,
        lastFinishedOn: z.string().nullable(),
        neglected: z.boolean(),
      }),
    ),
  }),
  /** Experiment cards finished in the period by result, and open ones now, per team. */
  experiments: z.array(
    z.object({
      teamId: idSchema,
      validated: count,
      invalidated: count,
      inconclusive: count,
      noResult: count,
      running: count,
    }),
  ),
});
export type PrincipleCoverage = z.infer<typeof principleCoverageSchema>;
