import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const swimlaneRoutes: FastifyPluginAsyncZod = async () => {};
