// The marketing calendar of a team, and "my calendar": the dated cards of a range of days, and the sprints in it.
import { z } from 'zod';
import { flowCategorySchema } from './boards';
import { idSchema } from './common';
import { sprintStateSchema } from './sprints';

/** A calendar day, YYYY-MM-DD. */
export const calendarDaySchema = z.iso.date({ message: 'must be a date like 2026-12-01' });

/** The days to read, both included; at most six weeks (MAX_CALENDAR_DAYS in the domain). */
export const calendarQuerySchema = z.object({ from: calendarDaySchema, to: calendarDaySchema });
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;

export const calendarCardSchema = z.object({
  id: idSchema,
  title: z.string(),
  teamId: idSchema,
  teamName: z.string(),
  boardId: idSchema,
  /** The first day of a card that spans days; null for a card on one day. */
  startDate: calendarDaySchema.nullable(),
  dueDate: calendarDaySchema.nullable(),
  columnName: z.string(),
  flowCategory: flowCategorySchema,
  labels: z.array(z.string()),
  owners: z.array(z.object({ id: idSchema, name: z.string() })),
  principleIds: z.array(idSchema),
  blocked: z.boolean(),
  sprintId: idSchema.nullable(),
  /** The card's version, for an edit made from the calendar (a stale one is refused). */
  version: z.number().int(),
});
export type CalendarCard = z.infer<typeof calendarCardSchema>;

export const calendarSprintSchema = z.object({
  id: idSchema,
  teamId: idSchema,
  name: z.string(),
  startDate: calendarDaySchema,
  endDate: calendarDaySchema,
  state: sprintStateSchema,
});
export type CalendarSprint = z.infer<typeof calendarSprintSchema>;

/** A board of the team: where a card added on a day goes (its first column), and its live stream's starting point. */
export const calendarBoardSchema = z.object({
  id: idSchema,
  name: z.string(),
  firstColumnId: idSchema.nullable(),
  firstColumnName: z.string().nullable(),
  lastActivityId: z.string(),
});

export const calendarSchema = z.object({
  from: calendarDaySchema,
  to: calendarDaySchema,
  /** Null for "my calendar", which spans every team its person reads. */
  teamId: idSchema.nullable(),
  teamName: z.string().nullable(),
  /** Cards by first day, then title. */
  cards: z.array(calendarCardSchema),
  sprints: z.array(calendarSprintSchema),
  boards: z.array(calendarBoardSchema),
});
export type Calendar = z.infer<typeof calendarSchema>;
