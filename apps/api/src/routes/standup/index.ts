import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cardParamsSchema } from '@amb/shared/cards';
import {
  escalateCardBodySchema,
  escalationSchema,
  standupQuerySchema,
  standupSchema,
  standupSettingsBodySchema,
  standupSettingsSchema,
} from '@amb/shared/standup';
import { teamParamsSchema } from '@amb/shared/teams';
import { signedIn } from '../../plugins/auth';
import { escalateCard } from '../../services/standup/escalate-card';
import { getStandup } from '../../services/standup/get-standup';
import { setStandupSettings } from '../../services/standup/set-standup-settings';
import { readErrors, writeErrors } from '../errors';

export const standupRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });
  const tags = ['stand-up'];

  app.get(
    '/teams/:teamId/standup',
    {
      schema: {
        tags,
        summary: 'The team’s daily stand-up: obstacles, aging cards, changes per person, WIP breaches',
        description:
          'Without since and until, the window is "since the last stand-up" at the team’s stand-up time (on Monday, since Friday’s). A window is at most 31 days.',
        params: teamParamsSchema,
        querystring: standupQuerySchema,
        response: { 200: standupSchema, ...readErrors },
      },
    },
    async (request) => getStandup(ctx(request), request.params.teamId, request.query),
  );

  app.put(
    '/teams/:teamId/standup-settings',
    {
      schema: {
        tags,
        summary: 'Set when the team’s stand-up starts and, optionally, the team’s time zone (scrum master, admin)',
        params: teamParamsSchema,
        body: standupSettingsBodySchema,
        response: { 200: standupSettingsSchema, ...writeErrors },
      },
    },
    async (request) => setStandupSettings(ctx(request), request.params.teamId, request.body),
  );

  app.put(
    '/cards/:cardId/escalation',
    {
      schema: {
        tags,
        summary: 'Escalate a blocked card to the PMO, or take it off the PMO’s obstacle list',
        params: cardParamsSchema,
        body: escalateCardBodySchema,
        response: { 200: escalationSchema, ...writeErrors },
      },
    },
    async (request) => escalateCard(ctx(request), request.params.cardId, request.body),
  );
};
