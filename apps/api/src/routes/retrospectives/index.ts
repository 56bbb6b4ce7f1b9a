import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addNoteBodySchema,
  convertActionResultSchema,
  deleteNoteResultSchema,
  editNoteBodySchema,
  retrospectiveNoteParamsSchema,
  retrospectiveNoteWriteSchema,
  retrospectiveSchema,
  retrospectiveSettingsBodySchema,
  voteBodySchema,
} from '@amb/shared/retrospectives';
import { sprintParamsSchema } from '@amb/shared/sprints';
import { z } from 'zod';
import { signedIn } from '../../plugins/auth';
import { addNote } from '../../services/retrospectives/add-note';
import { convertAction } from '../../services/retrospectives/convert-action';
import { deleteNote } from '../../services/retrospectives/delete-note';
import { editNote } from '../../services/retrospectives/edit-note';
import { getRetrospective } from '../../services/retrospectives/get-retrospective';
import { setRetrospectiveState } from '../../services/retrospectives/set-retrospective-state';
import { voteOnNote } from '../../services/retrospectives/vote-on-note';
import { readErrors, writeErrors } from '../errors';

const tags = ['retrospectives'];
const voteResultSchema = z.object({ noteId: z.string(), myDots: z.number().int(), myDotsLeft: z.number().int() });

/** A sprint's retrospective, and its notes. */
export const retrospectiveRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });

  app.get(
    '/sprints/:sprintId/retrospective',
    {
      schema: {
        tags,
        summary: 'A sprint’s retrospective: notes by votes, your votes left, the previous retrospective’s actions',
        params: sprintParamsSchema,
        response: { 200: retrospectiveSchema, ...readErrors },
      },
    },
    async (request) => getRetrospective(ctx(request), request.params.sprintId),
  );
  app.put(
    '/sprints/:sprintId/retrospective',
    {
      schema: {
        tags,
        summary: 'Open or close a sprint’s retrospective and set each person’s votes (scrum master, admin)',
        description:
          'Refused with 409 CONFLICT for a sprint that has not started, and for an allowance lowered below the votes someone has already placed.',
        params: sprintParamsSchema,
        body: retrospectiveSettingsBodySchema,
        response: { 200: retrospectiveSchema, ...writeErrors },
      },
    },
    async (request) => setRetrospectiveState(ctx(request), request.params.sprintId, request.body),
  );
  app.post(
    '/sprints/:sprintId/retrospective/notes',
    {
      schema: {
        tags,
        summary: 'Add a note (went well, to improve, action) while the retrospective is open',
        description:
          'Refused with 409 CONFLICT when the retrospective is closed or not opened, and with 409 LIMIT_REACHED at 50 notes by the same person. `unreachedMentions` lists the people it mentions who cannot read the team’s cards and are not told.',
        params: sprintParamsSchema,
        body: addNoteBodySchema,
        response: { 201: retrospectiveNoteWriteSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addNote(ctx(request), request.params.sprintId, request.body)),
  );
  app.patch(
    '/retrospective-notes/:noteId',
    {
      schema: {
        tags,
        summary:
          'Change a note’s text, group or principle while the retrospective is open (its author; a scrum master or admin for any note)',
        description:
          'Its votes stay. Refused with 409 CONFLICT when the retrospective is closed, or when the action is already a card. `unreachedMentions` lists the people the new text mentions who cannot read the team’s cards and are not told.',
        params: retrospectiveNoteParamsSchema,
        body: editNoteBodySchema,
        response: { 200: retrospectiveNoteWriteSchema, ...writeErrors },
      },
    },
    async (request) => editNote(ctx(request), request.params.noteId, request.body),
  );
  app.delete(
    '/retrospective-notes/:noteId',
    {
      schema: {
        tags,
        summary:
          'Delete a note while the retrospective is open; its votes go back to those who placed them (its author; a scrum master or admin for any note)',
        description:
          'Refused with 409 CONFLICT when the retrospective is closed, or when the action is already a card.',
        params: retrospectiveNoteParamsSchema,
        response: { 200: deleteNoteResultSchema, ...writeErrors },
      },
    },
    async (request) => deleteNote(ctx(request), request.params.noteId),
  );
  app.put(
    '/retrospective-notes/:noteId/vote',
    {
      schema: {
        tags,
        summary: 'Set your dots on a note (0 takes them back)',
        description:
          'Several dots may go on one note; all your dots together stay within the allowance (400 on body.dots otherwise).',
        params: retrospectiveNoteParamsSchema,
        body: voteBodySchema,
        response: { 200: voteResultSchema, ...writeErrors },
      },
    },
    async (request) => voteOnNote(ctx(request), request.params.noteId, request.body.dots),
  );
  app.post(
    '/retrospective-notes/:noteId/card',
    {
      schema: {
        tags,
        summary: 'Turn an action into a card at the bottom of the team’s backlog (scrum master, admin)',
        params: retrospectiveNoteParamsSchema,
        response: { 201: convertActionResultSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await convertAction(ctx(request), request.params.noteId)),
  );
};
