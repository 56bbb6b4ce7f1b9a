import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  agingQuerySchema,
  agingSchema,
  cumulativeFlowQuerySchema,
  cumulativeFlowSchema,
  cycleTimeSchema,
  forecastQuerySchema,
  forecastSchema,
  periodQuerySchema,
  portfolioOverviewSchema,
  portfolioQuerySchema,
  teamFlowSchema,
  teamParamsSchema,
} from '@amb/shared/portfolio';
import {
  columnParamsSchema,
  columnStageBodySchema,
  createStageBodySchema,
  mappedColumnSchema,
  portfolioStageListSchema,
  portfolioStageSchema,
  renameStageBodySchema,
  reorderStagesBodySchema,
  stageMappingSchema,
  stageParamsSchema,
  type PortfolioStage,
} from '@amb/shared/portfolio-stages';
import { signedIn } from '../../plugins/auth';
import { forecastTeam } from '../../services/portfolio/forecast-team';
import { getAgingWork } from '../../services/portfolio/get-aging-work';
import { getCumulativeFlow } from '../../services/portfolio/get-cumulative-flow';
import { getCycleTime } from '../../services/portfolio/get-cycle-time';
import { getPortfolioOverview } from '../../services/portfolio/get-portfolio-overview';
import { getTeamFlow } from '../../services/portfolio/get-team-flow';
import { createStage } from '../../services/portfolio/stages/create-stage';
import { getStageMapping } from '../../services/portfolio/stages/get-stage-mapping';
import { listStages } from '../../services/portfolio/stages/list-stages';
import { mapColumn } from '../../services/portfolio/stages/map-column';
import { removeStage } from '../../services/portfolio/stages/remove-stage';
import { renameStage } from '../../services/portfolio/stages/rename-stage';
import { reorderStages } from '../../services/portfolio/stages/reorder-stages';
import { teamsToRecount } from '../../services/portfolio/stages/stage-recounts';
import { readErrors, writeErrors } from '../errors';

/** The PMO's portfolio and flow analytics. Reads go to the read replica when one is configured. */
export const portfolioRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.readDb, actor: signedIn(request) });
  const tags = ['dashboard'];
  app.get(
    '/overview',
    {
      schema: {
        tags,
        summary:
          'One row per visible team for a period: WIP, breaches, obstacles, throughput, cycle and lead time, sprint, principles',
        querystring: portfolioQuerySchema,
        response: { 200: portfolioOverviewSchema, ...readErrors },
      },
    },
    async (request) => getPortfolioOverview(ctx(request), request.query),
  );
  app.get(
    '/cumulative-flow',
    {
      schema: {
        tags,
        summary: 'Cumulative flow by portfolio stage, for one team or every visible team',
        querystring: cumulativeFlowQuerySchema,
        response: { 200: cumulativeFlowSchema, ...readErrors },
      },
    },
    async (request) => getCumulativeFlow(ctx(request), request.query),
  );
  app.get(
    '/teams/:teamId/cycle-time',
    {
      schema: {
        tags,
        summary: 'Cycle-time scatter of the cards a team finished, with percentiles',
        params: teamParamsSchema,
        querystring: periodQuerySchema,
        response: { 200: cycleTimeSchema, ...readErrors },
      },
    },
    async (request) => getCycleTime(ctx(request), request.params.teamId, request.query),
  );
  app.get(
    '/teams/:teamId/flow',
    {
      schema: {
        tags,
        summary: 'A team’s throughput per week and flow efficiency',
        params: teamParamsSchema,
        querystring: periodQuerySchema,
        response: { 200: teamFlowSchema, ...readErrors },
      },
    },
    async (request) => getTeamFlow(ctx(request), request.params.teamId, request.query),
  );
  app.get(
    '/teams/:teamId/aging',
    {
      schema: {
        tags,
        summary: 'Aging work in progress against the team’s cycle-time percentiles',
        params: teamParamsSchema,
        querystring: agingQuerySchema,
        response: { 200: agingSchema, ...readErrors },
      },
    },
    async (request) => getAgingWork(ctx(request), request.params.teamId, request.query.tz),
  );
  app.get(
    '/teams/:teamId/forecast',
    {
      schema: {
        tags,
        summary: 'Monte Carlo forecast from recent throughput: when N cards will be done, and the chance by a date',
        params: teamParamsSchema,
        querystring: forecastQuerySchema,
        response: { 200: forecastSchema, ...readErrors },
      },
    },
    async (request) => forecastTeam(ctx(request), request.params.teamId, request.query),
  );

  // The PMO's portfolio stages and the mapping of columns onto them: changes go to the primary.
  const write = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });
  const stageTags = ['portfolio stages'];
  app.get(
    '/stages',
    {
      schema: {
        tags: stageTags,
        summary: 'The organisation’s portfolio stages in order',
        response: { 200: portfolioStageListSchema, ...readErrors },
      },
    },
    async (request) => ({
      stages: await listStages(write(request).db),
      teamsRecounting: await teamsToRecount(app.db),
    }),
  );
  app.post(
    '/stages',
    {
      schema: {
        tags: stageTags,
        summary:
          'Add a stage after the last one of its flow category (PMO, admin); every team’s arrivals are recounted after',
        body: createStageBodySchema,
        response: { 201: portfolioStageSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const stage = await createStage(write(request), request.body);
      app.stageRecounts.kick();
      return reply.status(201).send(stage);
    },
  );
  // Adding, reordering and removing recount every team's arrivals after the answer, team by team (teamsRecounting
  // says how many are left; GET /stages follows it).
  const recountAfter = async (stages: Promise<PortfolioStage[]>) => {
    const result = { stages: await stages, teamsRecounting: await teamsToRecount(app.db) };
    app.stageRecounts.kick();
    return result;
  };
  app.put(
    '/stages/order',
    {
      schema: {
        tags: stageTags,
        summary: 'Put the stages in a new order (PMO, admin); every team’s arrivals are recounted after',
        body: reorderStagesBodySchema,
        response: { 200: portfolioStageListSchema, ...writeErrors },
      },
    },
    async (request) => recountAfter(reorderStages(write(request), request.body.stageIds)),
  );
  app.patch(
    '/stages/:stageId',
    {
      schema: {
        tags: stageTags,
        summary: 'Rename a stage (PMO, admin)',
        params: stageParamsSchema,
        body: renameStageBodySchema,
        response: { 200: portfolioStageSchema, ...writeErrors },
      },
    },
    async (request) => renameStage(write(request), request.params.stageId, request.body.name),
  );
  app.delete(
    '/stages/:stageId',
    {
      schema: {
        tags: stageTags,
        summary:
          'Remove a stage; its columns go back to their flow category’s first stage (PMO, admin); every team’s arrivals are recounted after',
        params: stageParamsSchema,
        response: { 200: portfolioStageListSchema, ...writeErrors },
      },
    },
    async (request) => recountAfter(removeStage(write(request), request.params.stageId)),
  );
  app.get(
    '/stage-mapping',
    {
      schema: {
        tags: stageTags,
        summary: 'Each visible team’s columns with the stage each counts in',
        response: { 200: stageMappingSchema, ...readErrors },
      },
    },
    async (request) => getStageMapping(write(request)),
  );
  app.put(
    '/columns/:columnId/stage',
    {
      schema: {
        tags: stageTags,
        summary: 'Map a column onto a stage of its flow category; null for the default (PMO, admin)',
        params: columnParamsSchema,
        body: columnStageBodySchema,
        response: { 200: mappedColumnSchema, ...writeErrors },
      },
    },
    async (request) => mapColumn(write(request), request.params.columnId, request.body.stageId),
  );
};
