import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { boardParamsSchema } from '@amb/shared/boards';
import {
  archivedCardsSchema,
  cardParamsSchema,
  cardUpdateResultSchema,
  cardWriteResultSchema,
  createCardBodySchema,
  moveCardBodySchema,
  updateCardBodySchema,
  versionBodySchema,
} from '@amb/shared/cards';
import { signedIn } from '../../plugins/auth';
import { archiveCard } from '../../services/cards/archive-card';
import { createCard } from '../../services/cards/create-card';
import { listArchivedCards } from '../../services/cards/list-archived-cards';
import { moveCard } from '../../services/cards/move-card';
import { restoreCard } from '../../services/cards/restore-card';
import { updateCard } from '../../services/cards/update-card';
import { readErrors, writeErrors } from '../errors';

export const cardRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });
  const tags = ['cards'];

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Add a card at the top or the bottom of a column',
        body: createCardBodySchema,
        response: { 201: cardUpdateResultSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createCard(ctx(request), request.body)),
  );

  app.post(
    '/:cardId/move',
    {
      schema: {
        tags,
        summary: 'Move a card to a column and swimlane, right after another card (or to the top)',
        description:
          'Refused with 409 WIP_LIMIT_REACHED when a hard WIP limit is reached, and 409 STALE_VERSION (with the current card) when the version is old.',
        params: cardParamsSchema,
        body: moveCardBodySchema,
        response: { 200: cardWriteResultSchema, ...writeErrors },
      },
    },
    async (request) => moveCard(ctx(request), request.params.cardId, request.body),
  );

  app.patch(
    '/:cardId',
    {
      schema: {
        tags,
        summary: 'Edit a card',
        description:
          '`unreachedMentions` lists the people a new description mentions who cannot read the card and are not told.',
        params: cardParamsSchema,
        body: updateCardBodySchema,
        response: { 200: cardUpdateResultSchema, ...writeErrors },
      },
    },
    async (request) => updateCard(ctx(request), request.params.cardId, request.body),
  );

  app.post(
    '/:cardId/archive',
    {
      schema: {
        tags,
        summary: 'Archive a card',
        params: cardParamsSchema,
        body: versionBodySchema,
        response: { 200: cardWriteResultSchema, ...writeErrors },
      },
    },
    async (request) => archiveCard(ctx(request), request.params.cardId, request.body.version),
  );

  app.post(
    '/:cardId/restore',
    {
      schema: {
        tags,
        summary: 'Restore an archived card to the bottom of its column',
        params: cardParamsSchema,
        body: versionBodySchema,
        response: { 200: cardWriteResultSchema, ...writeErrors },
      },
    },
    async (request) => restoreCard(ctx(request), request.params.cardId, request.body.version),
  );
};

/** Under /boards: a board's archived cards. */
export const archivedCardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:boardId/archived-cards',
    {
      schema: {
        tags: ['cards'],
        summary: 'A board’s archived cards',
        params: boardParamsSchema,
        response: { 200: archivedCardsSchema, ...readErrors },
      },
    },
    async (request) => listArchivedCards({ db: app.db, actor: signedIn(request) }, request.params.boardId),
  );
};
