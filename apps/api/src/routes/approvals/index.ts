import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cardApprovalSchema, decideApprovalBodySchema, requestApprovalBodySchema } from '@amb/shared/approvals';
import { cardParamsSchema } from '@amb/shared/cards';
import { signedIn } from '../../plugins/auth';
import { decideApproval } from '../../services/approvals/decide-approval';
import { getApproval } from '../../services/approvals/get-approval';
import { requestApproval } from '../../services/approvals/request-approval';
import { readErrors, writeErrors } from '../errors';

/** Under /cards: a card's approval (decision 60). */
export const approvalRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });
  const tags = ['approvals'];
  app.get(
    '/:cardId/approval',
    {
      schema: {
        tags,
        summary: 'The card’s current approval and where it stands',
        params: cardParamsSchema,
        response: { 200: cardApprovalSchema, ...readErrors },
      },
    },
    async (request) => getApproval(ctx(request), request.params.cardId),
  );
  app.post(
    '/:cardId/approval',
    {
      schema: {
        tags,
        summary: 'Send the card, or an attachment’s latest version, to named people for approval',
        description: 'Replaces the card’s current approval, if any. Each approver must be able to see the card.',
        params: cardParamsSchema,
        body: requestApprovalBodySchema,
        response: { 201: cardApprovalSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await requestApproval(ctx(request), request.params.cardId, request.body)),
  );
  app.post(
    '/:cardId/approval/decision',
    {
      schema: {
        tags,
        summary: 'Approve, or ask for changes, with a comment (the people asked to approve)',
        params: cardParamsSchema,
        body: decideApprovalBodySchema,
        response: { 200: cardApprovalSchema, ...writeErrors },
      },
    },
    async (request) => decideApproval(ctx(request), request.params.cardId, request.body),
  );
};
