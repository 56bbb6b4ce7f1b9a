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
import { signedIn } from '../../plugins/auth';
import { forecastTeam } from '../../services/portfolio/forecast-team';
import { getAgingWork } from '../../services/portfolio/get-aging-work';
import { getCumulativeFlow } from '../../services/portfolio/get-cumulative-flow';
import { getCycleTime } from '../../services/portfolio/get-cycle-time';
import { getPortfolioOverview } from '../../services/portfolio/get-portfolio-overview';
import { getTeamFlow } from '../../services/portfolio/get-team-flow';
import { readErrors } from '../errors';

/** The PMO's portfolio and flow analytics. Reads go to the read replica when one is configured. */
export const portfolioRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.readDb, actor: signedIn(request) });
  const tags = ['dashboard'];
  app.get('/overview', { schema: { tags, summary: 'One row per visible team for a period: WIP, breaches, obstacles, throughput, cycle and lead time, sprint, principles', querystring: portfolioQuerySchema, response: { 200: portfolioOverviewSchema, ...readErrors } } }, async (request) =>
    getPortfolioOverview(ctx(request), request.query),
  );
  app.get('/cumulative-flow', { schema: { tags, summary: 'Cumulative flow by portfolio stage, for one team or every visible team', querystring: cumulativeFlowQuerySchema, response: { 200: cumulativeFlowSchema, ...readErrors } } }, async (request) =>
    getCumulativeFlow(ctx(request), request.query),
  );
  app.get('/teams/:teamId/cycle-time', { schema: { tags, summary: 'Cycle-time scatter of the cards a team finished, with percentiles', params: teamParamsSchema, querystring: periodQuerySchema, response: { 200: cycleTimeSchema, ...readErrors } } }, async (request) =>
    getCycleTime(ctx(request), request.params.teamId, request.query),
  );
  app.get('/teams/:teamId/flow', { schema: { tags, summary: 'A team’s throughput per week and flow efficiency', params: teamParamsSchema, querystring: periodQuerySchema, response: { 200: teamFlowSchema, ...readErrors } } }, async (request) =>
    getTeamFlow(ctx(request), request.params.teamId, request.query),
  );
  app.get('/teams/:teamId/aging', { schema: { tags, summary: 'Aging work in progress against the team’s cycle-time percentiles', params: teamParamsSchema, querystring: agingQuerySchema, response: { 200: agingSchema, ...readErrors } } }, async (request) =>
    getAgingWork(ctx(request), request.params.teamId, request.query.tz),
  );
  app.get('/teams/:teamId/forecast', { schema: { tags, summary: 'Monte Carlo forecast from recent throughput: when N cards will be done, and the chance by a date', params: teamParamsSchema, querystring: forecastQuerySchema, response: { 200: forecastSchema, ...readErrors } } }, async (request) =>
    forecastTeam(ctx(request), request.params.teamId, request.query),
  );
};
