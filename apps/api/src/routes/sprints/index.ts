import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const sprintRoutes: FastifyPluginAsyncZod = async () => {};
