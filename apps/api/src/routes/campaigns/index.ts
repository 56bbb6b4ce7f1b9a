import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  campaignListSchema,
  campaignPageSchema,
  campaignParamsSchema,
  campaignSchema,
  createCampaignBodySchema,
  updateCampaignBodySchema,
} from '@amb/shared/campaigns';
import { okSchema } from '@amb/shared/common';
import { signedIn } from '../../plugins/auth';
import { createCampaign } from '../../services/campaigns/create-campaign';
import { deleteCampaign } from '../../services/campaigns/delete-campaign';
import { getCampaign } from '../../services/campaigns/get-campaign';
import { listCampaigns } from '../../services/campaigns/list-campaigns';
import { updateCampaign } from '../../services/campaigns/update-campaign';
import { readErrors, writeErrors } from '../errors';

const tags = ['campaigns'];

/** The organisation's campaigns (decision 75); a card joins one through PATCH /cards/:cardId (`campaignId`). */
export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Every campaign, with the progress of the cards the reader may see',
        response: { 200: campaignListSchema, ...readErrors },
      },
    },
    async (request) => ({ campaigns: await listCampaigns(ctx(request)) }),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a campaign (admins, the PMO, scrum masters)',
        body: createCampaignBodySchema,
        response: { 201: campaignSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createCampaign(ctx(request), request.body)),
  );

  app.get(
    '/:campaignId',
    {
      schema: {
        tags,
        summary:
          'A campaign’s page: its deliverables by team and flow category; cards on unreadable teams only counted',
        params: campaignParamsSchema,
        response: { 200: campaignPageSchema, ...readErrors },
      },
    },
    async (request) => getCampaign(ctx(request), request.params.campaignId),
  );

  app.patch(
    '/:campaignId',
    {
      schema: {
        tags,
        summary: 'Change a campaign (admins, the PMO, scrum masters)',
        params: campaignParamsSchema,
        body: updateCampaignBodySchema,
        response: { 200: campaignSchema, ...writeErrors },
      },
    },
    async (request) => updateCampaign(ctx(request), request.params.campaignId, request.body),
  );

  app.delete(
    '/:campaignId',
    {
      schema: {
        tags,
        summary: 'Delete a campaign; its cards stay, in no campaign (admins, the PMO, scrum masters)',
        params: campaignParamsSchema,
        response: { 200: okSchema, ...writeErrors },
      },
    },
    async (request) => deleteCampaign(ctx(request), request.params.campaignId),
  );
};
