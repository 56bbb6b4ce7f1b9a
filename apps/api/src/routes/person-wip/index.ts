import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { boardParamsSchema } from '@amb/shared/boards';
import { boardPeopleWipSchema, personWipSchema, setPersonWipLimitBodySchema } from '@amb/shared/person-wip';
import { userParamsSchema } from '@amb/shared/teams';
import { signedIn } from '../../plugins/auth';
import { listBoardPeopleWip } from '../../services/people/list-board-people-wip';
import { setPersonWipLimit } from '../../services/people/set-person-wip-limit';
import { readErrors, writeErrors } from '../errors';

/** Under /users: a person's own WIP limit, across every board. */
export const personWipLimitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/:userId/wip-limit',
    {
      schema: {
        tags: ['people'],
        summary: 'Set a person’s WIP limit across every board (the person, a scrum master of their team, or an admin)',
        params: userParamsSchema,
        body: setPersonWipLimitBodySchema,
        response: { 200: personWipSchema, ...writeErrors },
      },
    },
    async (request) => setPersonWipLimit({ db: app.db, actor: signedIn(request) }, request.params.userId, request.body),
  );
};

/** Under /boards: the board's people with their counts against their limits. */
export const boardPeopleWipRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:boardId/people-wip',
    {
      schema: {
        tags: ['boards'],
        summary: 'The board’s people, each with their WIP limit and the cards they own in progress on every board',
        params: boardParamsSchema,
        response: { 200: boardPeopleWipSchema, ...readErrors },
      },
    },
    async (request) => listBoardPeopleWip({ db: app.db, actor: signedIn(request) }, request.params.boardId),
  );
};
