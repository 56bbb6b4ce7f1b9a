// A sprint's retrospective: notes in three groups, dot votes, and actions that become backlog cards.
import { z } from 'zod';
import { MAX_VOTES_PER_PERSON, NOTE_MAX_LENGTH, retrospectiveGroups } from '@amb/domain/retrospective';
import { idSchema, isoDateTime } from './common';
import { unreachedMentionsSchema } from './notifications';

export const retrospectiveGroupSchema = z.enum(retrospectiveGroups);
export const retrospectiveStates = ['NOT_OPENED', 'OPEN', 'CLOSED'] as const;
export const retrospectiveStateSchema = z.enum(retrospectiveStates);

export const retrospectiveNoteParamsSchema = z.object({ noteId: idSchema });

export const votesPerPersonSchema = z
  .number({ message: 'must be a number' })
  .int({ message: 'must be a whole number' })
  .min(1, { message: 'must be at least 1' })
  .max(MAX_VOTES_PER_PERSON, { message: `must be at most ${MAX_VOTES_PER_PERSON}` });

/**
 * Why the allowance cannot go lower while someone has `mostPlaced` votes on the notes (decision 40), for the field:
 * the API's refusal and the browser's warning before saving say the same.
 */
export const allowanceBelowPlacedMessage = (mostPlaced: number) =>
  `must be at least ${mostPlaced}: someone has already placed ${mostPlaced} vote${mostPlaced === 1 ? '' : 's'} (they can take some back first)`;

/** Opening (or reopening) and closing; the allowance may be changed at the same time. */
export const retrospectiveSettingsBodySchema = z.object({
  state: z.enum(['OPEN', 'CLOSED']),
  votesPerPerson: votesPerPersonSchema.optional(),
});
export type RetrospectiveSettingsBody = z.infer<typeof retrospectiveSettingsBodySchema>;

const noteTextSchema = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(NOTE_MAX_LENGTH, { message: `must be at most ${NOTE_MAX_LENGTH} characters` });

export const addNoteBodySchema = z.object({
  group: retrospectiveGroupSchema,
  text: noteTextSchema,
  principleId: idSchema.nullable().optional(),
});
export type AddNoteBody = z.infer<typeof addNoteBodySchema>;

/** A note's author (or a scrum master) changes its text, group or principle; what is left out stays. */
export const editNoteBodySchema = z.object({
  text: noteTextSchema.optional(),
  group: retrospectiveGroupSchema.optional(),
  principleId: idSchema.nullable().optional(),
});
export type EditNoteBody = z.infer<typeof editNoteBodySchema>;

/** A deleted note, and how many dots went back to those who had placed them on it. */
export const deleteNoteResultSchema = z.object({ noteId: idSchema, dotsReturned: z.number().int().min(0) });
export type DeleteNoteResult = z.infer<typeof deleteNoteResultSchema>;

/** The dots the person puts on the note, replacing theirs there; 0 takes them back. */
export const voteBodySchema = z.object({
  dots: z
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(0, { message: 'must be 0 or more' })
    .max(MAX_VOTES_PER_PERSON, { message: `must be at most ${MAX_VOTES_PER_PERSON}` }),
});
export type VoteBody = z.infer<typeof voteBodySchema>;

/** The backlog card an action became, and whether it is done. */
export const actionCardSchema = z.object({
  cardId: idSchema,
  title: z.string(),
  boardId: idSchema,
  done: z.boolean(),
  archived: z.boolean(),
});
export type ActionCard = z.infer<typeof actionCardSchema>;

export const retrospectiveNoteSchema = z.object({
  id: idSchema,
  group: retrospectiveGroupSchema,
  /** Keeps mentions as references (`@[person id]`); `mentions` names those people as they are called now. */
  text: z.string(),
  mentions: z.array(z.object({ id: idSchema, name: z.string() })),
  principleId: idSchema.nullable(),
  authorId: idSchema.nullable(),
  authorName: z.string().nullable(),
  createdAt: isoDateTime,
  /** When its text, group or principle last changed; null if never. */
  editedAt: isoDateTime.nullable(),
  /** Everyone's dots on the note. */
  dots: z.number().int().min(0),
  /** The reader's own dots on it. */
  myDots: z.number().int().min(0),
  card: actionCardSchema.nullable(),
});
export type RetrospectiveNote = z.infer<typeof retrospectiveNoteSchema>;

/** A note just added or edited, and the people its text newly mentions who will not be told. */
export const retrospectiveNoteWriteSchema = retrospectiveNoteSchema.extend({
  unreachedMentions: unreachedMentionsSchema,
});
export type RetrospectiveNoteWrite = z.infer<typeof retrospectiveNoteWriteSchema>;

export const retrospectiveSchema = z.object({
  sprintId: idSchema,
  sprintName: z.string(),
  sprintState: z.enum(['PLANNED', 'ACTIVE', 'CLOSED']),
  teamId: idSchema,
  /** NOT_OPENED until a scrum master opens it. */
  state: retrospectiveStateSchema,
  votesPerPerson: z.number().int(),
  /** Dots the reader has left to place. */
  myDotsLeft: z.number().int().min(0),
  /** The most dots any one person has placed: the allowance cannot be lowered below it (decision 40). */
  mostDotsPlaced: z.number().int().min(0),
  openedAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
  /** Every note, most dots first. */
  notes: z.array(retrospectiveNoteSchema),
  /** The actions of the team's previous retrospective, with their cards, so this one can check on them. */
  previous: z
    .object({ sprintId: idSchema, sprintName: z.string(), actions: z.array(retrospectiveNoteSchema) })
    .nullable(),
  /** The board whose live stream carries this retrospective's changes; null when the team has no board. */
  liveBoardId: idSchema.nullable(),
});
export type Retrospective = z.infer<typeof retrospectiveSchema>;

export const convertActionResultSchema = z.object({ noteId: idSchema, card: actionCardSchema });
export type ConvertActionResult = z.infer<typeof convertActionResultSchema>;

/** Where a card came from, when it was made from a retrospective action. */
export const cardOriginSchema = z.object({ sprintId: idSchema, sprintName: z.string(), noteId: idSchema });
export type CardOrigin = z.infer<typeof cardOriginSchema>;
