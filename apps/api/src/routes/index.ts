import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authRoutes } from './auth';
import { boardEventRoutes } from './board-events';
import { boardRoutes } from './boards';
import { cardLinkRoutes } from './card-links';
import { archivedCardRoutes, cardRoutes } from './cards';
import { cardDetailRoutes } from './cards/details';
import { checklistRoutes } from './checklists';
import { columnRoutes } from './columns';
import { dashboardRoutes } from './dashboard';
import { healthRoutes } from './health';
import { boardPeopleWipRoutes, personWipLimitRoutes } from './person-wip';
import { principleRoutes } from './principles';
import { sprintRoutes } from './sprints';
import { swimlaneRoutes } from './swimlanes';
import { teamRoutes } from './teams';
import { userRoutes } from './users';

/** Every API route, by URL. */
export const apiRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/auth' });
  await app.register(teamRoutes, { prefix: '/teams' });
  await app.register(userRoutes, { prefix: '/users' });
  await app.register(boardRoutes, { prefix: '/boards' });
  await app.register(boardEventRoutes, { prefix: '/boards' });
  await app.register(archivedCardRoutes, { prefix: '/boards' });
  await app.register(columnRoutes, { prefix: '/columns' });
  await app.register(swimlaneRoutes, { prefix: '/swimlanes' });
  await app.register(cardRoutes, { prefix: '/cards' });
  await app.register(cardDetailRoutes, { prefix: '/cards' });
  await app.register(checklistRoutes, { prefix: '/checklists' });
  await app.register(cardLinkRoutes, { prefix: '/card-links' });
  await app.register(sprintRoutes, { prefix: '/sprints' });
  await app.register(dashboardRoutes, { prefix: '/dashboard' });
  await app.register(principleRoutes, { prefix: '/principles' });
  await app.register(personWipLimitRoutes, { prefix: '/users' });
  await app.register(boardPeopleWipRoutes, { prefix: '/boards' });
};
