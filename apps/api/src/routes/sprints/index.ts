import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cardSummarySchema } from '@amb/shared/boards';
import { cardParamsSchema } from '@amb/shared/cards';
import { okSchema } from '@amb/shared/common';
import {
  availabilityBodySchema,
  backlogSchema,
  closeSprintBodySchema,
  createSprintBodySchema,
  planCardBodySchema,
  rankBacklogBodySchema,
  sprintChartSchema,
  sprintListQuerySchema,
  sprintListSchema,
  sprintParamsSchema,
  sprintPlanSchema,
  sprintSummarySchema,
  teamParamsSchema,
  updateSprintBodySchema,
  velocityQuerySchema,
  velocitySchema,
} from '@amb/shared/sprints';
import { signedIn } from '../../plugins/auth';
import { closeSprint } from '../../services/sprints/close-sprint';
import { createSprint } from '../../services/sprints/create-sprint';
import { getSprint } from '../../services/sprints/get-sprint';
import { getSprintChart } from '../../services/sprints/get-sprint-chart';
import { getVelocity } from '../../services/sprints/get-velocity';
import { listBacklog } from '../../services/sprints/list-backlog';
import { listSprints } from '../../services/sprints/list-sprints';
import { planCard } from '../../services/sprints/plan-card';
import { rankBacklogCard } from '../../services/sprints/rank-backlog-card';
import { setAvailability } from '../../services/sprints/set-availability';
import { startSprint } from '../../services/sprints/start-sprint';
import { updateSprint } from '../../services/sprints/update-sprint';
import { readErrors, writeErrors } from '../errors';

const tags = ['sprints'];
type Request = Parameters<typeof signedIn>[0];

export const sprintRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Request) => ({ db: app.db, actor: signedIn(request) });
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'A team’s sprints with committed and done points',
        querystring: sprintListQuerySchema,
        response: { 200: sprintListSchema, ...readErrors },
      },
    },
    async (request) => listSprints(ctx(request), request.query.teamId),
  );
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Plan a sprint',
        body: createSprintBodySchema,
        response: { 201: sprintSummarySchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createSprint(ctx(request), request.body)),
  );
  app.get(
    '/velocity',
    {
      schema: {
        tags,
        summary: 'Committed and completed points of a team’s last closed sprints',
        querystring: velocityQuerySchema,
        response: { 200: velocitySchema, ...readErrors },
      },
    },
    async (request) => getVelocity(ctx(request), request.query.teamId, request.query.last),
  );
  app.get(
    '/:sprintId',
    {
      schema: {
        tags,
        summary: 'A sprint, its cards, load per person and capacity',
        params: sprintParamsSchema,
        response: { 200: sprintPlanSchema, ...readErrors },
      },
    },
    async (request) => getSprint(ctx(request), request.params.sprintId),
  );
  app.patch(
    '/:sprintId',
    {
      schema: {
        tags,
        summary: 'Edit a planned or active sprint',
        params: sprintParamsSchema,
        body: updateSprintBodySchema,
        response: { 200: sprintSummarySchema, ...writeErrors },
      },
    },
    async (request) => updateSprint(ctx(request), request.params.sprintId, request.body),
  );
  app.put(
    '/:sprintId/availability',
    {
      schema: {
        tags,
        summary: 'Each person’s days off in a sprint',
        params: sprintParamsSchema,
        body: availabilityBodySchema,
        response: { 200: okSchema, ...writeErrors },
      },
    },
    async (request) => setAvailability(ctx(request), request.params.sprintId, request.body),
  );
  app.post(
    '/:sprintId/start',
    {
      schema: {
        tags,
        summary: 'Start a planned sprint; records the committed scope',
        description: 'Refused with 409 CONFLICT while the team has another active sprint.',
        params: sprintParamsSchema,
        response: { 200: sprintSummarySchema, ...writeErrors },
      },
    },
    async (request) => startSprint(ctx(request), request.params.sprintId),
  );
  app.post(
    '/:sprintId/close',
    {
      schema: {
        tags,
        summary: 'Close the active sprint: carry unfinished cards over or return them to the backlog',
        params: sprintParamsSchema,
        body: closeSprintBodySchema,
        response: { 200: sprintSummarySchema, ...writeErrors },
      },
    },
    async (request) => closeSprint(ctx(request), request.params.sprintId, request.body),
  );
  app.get(
    '/:sprintId/burndown',
    {
      schema: {
        tags,
        summary: 'Burndown and burnup per day, from the cards’ history',
        params: sprintParamsSchema,
        response: { 200: sprintChartSchema, ...readErrors },
      },
    },
    async (request) => getSprintChart(ctx(request), request.params.sprintId),
  );
};

/** Under /teams: a team's backlog. */
export const backlogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:teamId/backlog',
    {
      schema: {
        tags,
        summary: 'Cards in no open sprint, in backlog order',
        params: teamParamsSchema,
        response: { 200: backlogSchema, ...readErrors },
      },
    },
    async (request) => listBacklog({ db: app.db, actor: signedIn(request) }, request.params.teamId),
  );
};

/** Under /cards: planning a card into a sprint and ranking it in the backlog. */
export const cardPlanningRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Request) => ({ db: app.db, actor: signedIn(request) });
  app.put(
    '/:cardId/sprint',
    {
      schema: {
        tags,
        summary: 'Put a card into a planned or active sprint, or back into the backlog',
        params: cardParamsSchema,
        body: planCardBodySchema,
        response: { 200: cardSummarySchema, ...writeErrors },
      },
    },
    async (request) => planCard(ctx(request), request.params.cardId, request.body),
  );
  app.post(
    '/:cardId/backlog-rank',
    {
      schema: {
        tags,
        summary: 'Move a card in its team’s backlog, right after another',
        params: cardParamsSchema,
        body: rankBacklogBodySchema,
        response: { 200: backlogSchema, ...writeErrors },
      },
    },
    async (request) => rankBacklogCard(ctx(request), request.params.cardId, request.body),
  );
};
