import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authRoutes } from './auth';
import { boardRoutes } from './boards';
import { healthRoutes } from './health';
import { principleRoutes } from './principles';
import { teamRoutes } from './teams';
import { userRoutes } from './users';

/** Every API route, by URL. */
export const apiRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/auth' });
  await app.register(teamRoutes, { prefix: '/teams' });
  await app.register(userRoutes, { prefix: '/users' });
  await app.register(boardRoutes, { prefix: '/boards' });
  await app.register(principleRoutes, { prefix: '/principles' });
};
