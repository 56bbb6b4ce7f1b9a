// Dependencies between teams for the PMO: open cross-team waits, which of them are at risk, and a graph of teams.
import { z } from 'zod';
import { idSchema } from './common';
import { teamIdsQuerySchema, timeZoneSchema } from './portfolio';

const flag = z.enum(['true', 'false'], 'must be true or false').transform((v) => v === 'true');

/** Filters of the list; the graph takes `teams` and `tz` only. `waiting` and `on` pick one edge of the graph. */
export const dependencyQuerySchema = z.object({
  /** Links with either end on one of these teams; none means every team the person can read. */
  teams: teamIdsQuerySchema.optional(),
  /** The team whose card waits. */
  waiting: idSchema.optional(),
  /** The team whose card is waited on. */
  on: idSchema.optional(),
  atRisk: flag.optional(),
  /** "Today" for the at-risk rule is this zone's date. */
  tz: timeZoneSchema.default('UTC'),
});
export type DependencyQuery = z.input<typeof dependencyQuerySchema>;
export const dependencyGraphQuerySchema = dependencyQuerySchema.pick({ teams: true, tz: true });

const cardEnd = z.object({
  cardId: idSchema,
  title: z.string(),
  teamId: idSchema,
  teamName: z.string(),
  columnName: z.string(),
  blocked: z.boolean(),
});

export const dependencySchema = z.object({
  linkId: idSchema,
  kind: z.enum(['DEPENDS_ON', 'BLOCKS']),
  waiting: cardEnd.extend({
    dueDate: z.string().nullable(),
    sprint: z.object({ name: z.string(), endDate: z.string() }).nullable(),
  }),
  on: cardEnd,
  /** The earlier of the waiting card's due date and its open sprint's last day. */
  deadline: z.string().nullable(),
  /** Working days from today to the deadline, negative once past. */
  workingDaysLeft: z.number().int().nullable(),
  atRisk: z.boolean(),
});
export type Dependency = z.infer<typeof dependencySchema>;

export const MAX_DEPENDENCIES = 2000;
export const dependencyListSchema = z.object({
  today: z.string(),
  /** Deadlines on or before this day are near. */
  nearUntil: z.string(),
  total: z.number().int(),
  /** At most MAX_DEPENDENCIES rows, at-risk first, then by deadline. */
  dependencies: z.array(dependencySchema),
});
export type DependencyList = z.infer<typeof dependencyListSchema>;

export const dependencyGraphSchema = z.object({
  today: z.string(),
  nearUntil: z.string(),
  /** Only teams with at least one open link. */
  teams: z.array(z.object({ id: idSchema, name: z.string(), kind: z.string() })),
  /** One edge per waiting team and team waited on. */
  edges: z.array(z.object({ waiting: idSchema, on: idSchema, links: z.number().int(), atRisk: z.number().int() })),
});
export type DependencyGraph = z.infer<typeof dependencyGraphSchema>;
