import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addChecklistBodySchema,
  addCommentBodySchema,
  addLinkBodySchema,
  cardDetailSchema,
  cardLinkSchema,
  cardParamsSchema,
  cardSearchQuerySchema,
  cardSearchResultSchema,
  checklistSchema,
  commentPageQuerySchema,
  commentPageSchema,
  addedCommentSchema,
} from '@amb/shared/cards';
import { signedIn } from '../../plugins/auth';
import { addComment } from '../../services/cards/add-comment';
import { getCard } from '../../services/cards/get-card';
import { listComments } from '../../services/cards/list-comments';
import { addLink, searchCards } from '../../services/cards/manage-links';
import { addChecklist } from '../../services/checklists/manage-checklists';
import { readErrors, writeErrors } from '../errors';

/** A card's detail: the panel's data, comments, checklists, links to other cards, search for the link picker. */
export const cardDetailRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });
  const tags = ['cards'];
  const searchLimit = {
    rateLimit: {
      max: app.config.SEARCH_RATE_LIMIT,
      timeWindow: '1 minute',
      keyGenerator: (request: { actor: { id: string } | null; ip: string }) => request.actor?.id ?? request.ip,
    },
  };
  app.get(
    '/search',
    {
      config: searchLimit,
      schema: {
        tags,
        summary: 'Find open cards by title on every board you can see',
        querystring: cardSearchQuerySchema,
        response: { 200: cardSearchResultSchema, ...readErrors },
      },
    },
    async (request) => searchCards(ctx(request), request.query.q),
  );
  app.get(
    '/:cardId',
    {
      schema: {
        tags,
        summary: 'A card with its comments, checklists, links and history',
        params: cardParamsSchema,
        response: { 200: cardDetailSchema, ...readErrors },
      },
    },
    async (request) => getCard(ctx(request), request.params.cardId),
  );
  app.get(
    '/:cardId/comments',
    {
      schema: {
        tags,
        summary: "A page of a card's comments, oldest first: the newest, or those before a comment",
        params: cardParamsSchema,
        querystring: commentPageQuerySchema,
        response: { 200: commentPageSchema, ...readErrors },
      },
    },
    async (request) => listComments(ctx(request), request.params.cardId, request.query),
  );
  app.post(
    '/:cardId/comments',
    {
      schema: {
        tags,
        summary: 'Comment on a card',
        description:
          '`unreachedMentions` lists the people the comment mentions who cannot read the card and are not told.',
        params: cardParamsSchema,
        body: addCommentBodySchema,
        response: { 201: addedCommentSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addComment(ctx(request), request.params.cardId, request.body.body)),
  );
  app.post(
    '/:cardId/checklists',
    {
      schema: {
        tags,
        summary: 'Add a checklist to a card',
        params: cardParamsSchema,
        body: addChecklistBodySchema,
        response: { 201: checklistSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addChecklist(ctx(request), request.params.cardId, request.body.title)),
  );
  app.post(
    '/:cardId/links',
    {
      schema: {
        tags,
        summary: 'Link a card to another, on any board you can see',
        params: cardParamsSchema,
        body: addLinkBodySchema,
        response: { 201: cardLinkSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await addLink(ctx(request), request.params.cardId, request.body)),
  );
};
