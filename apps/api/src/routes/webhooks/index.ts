import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okSchema } from '@amb/shared/common';
import { teamParamsSchema } from '@amb/shared/teams';
import {
  createdWebhookSchema,
  createWebhookBodySchema,
  deliveryListSchema,
  deliveryParamsSchema,
  deliverySchema,
  webhookListSchema,
  webhookParamsSchema,
  updateWebhookBodySchema,
  webhookSchema,
} from '@amb/shared/webhooks';
import { signedIn } from '../../plugins/auth';
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  resendDelivery,
  updateWebhook,
} from '../../services/webhooks/manage-webhooks';
import { writeErrors } from '../errors';

/** Under /teams: a team's webhooks (scrum master, admin). */
export const teamWebhookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:teamId/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'The team’s webhooks',
        params: teamParamsSchema,
        response: { 200: webhookListSchema, ...writeErrors },
      },
    },
    async (request) => listWebhooks({ db: app.db, actor: signedIn(request) }, request.params.teamId),
  );
  app.post(
    '/:teamId/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary:
          'Register a webhook: a URL, the event kinds, a secret for the signature (made here when left out, and answered once)',
        description: 'Refused with 409 LIMIT_REACHED when the team already has 20 webhooks.',
        params: teamParamsSchema,
        body: createWebhookBodySchema,
        response: { 201: createdWebhookSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createWebhook(
            { db: app.db, actor: signedIn(request), allowPrivate: app.config.WEBHOOK_ALLOW_PRIVATE_ADDRESSES },
            request.params.teamId,
            request.body,
          ),
        ),
  );
};

/** Under /webhooks: one webhook and its deliveries. */
export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/:webhookId',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Remove a webhook',
        params: webhookParamsSchema,
        response: { 200: okSchema, ...writeErrors },
      },
    },
    async (request) => deleteWebhook({ db: app.db, actor: signedIn(request) }, request.params.webhookId),
  );
  app.patch(
    '/:webhookId',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Turn a webhook off or on',
        params: webhookParamsSchema,
        body: updateWebhookBodySchema,
        response: { 200: webhookSchema, ...writeErrors },
      },
    },
    async (request) => {
      const webhook = await updateWebhook(
        { db: app.db, actor: signedIn(request), allowPrivate: app.config.WEBHOOK_ALLOW_PRIVATE_ADDRESSES },
        request.params.webhookId,
        request.body,
      );
      if (webhook.active) app.webhooks.kick();
      return webhook;
    },
  );
  app.get(
    '/:webhookId/deliveries',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'The latest deliveries with their last status and answer',
        params: webhookParamsSchema,
        response: { 200: deliveryListSchema, ...writeErrors },
      },
    },
    async (request) => listDeliveries({ db: app.db, actor: signedIn(request) }, request.params.webhookId),
  );
  app.post(
    '/deliveries/:deliveryId/resend',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Send a delivery again',
        params: deliveryParamsSchema,
        response: { 200: deliverySchema, ...writeErrors },
      },
    },
    async (request) => {
      const delivery = await resendDelivery({ db: app.db, actor: signedIn(request) }, request.params.deliveryId);
      app.webhooks.kick();
      return delivery;
    },
  );
};
