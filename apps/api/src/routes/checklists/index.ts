import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const checklistRoutes: FastifyPluginAsyncZod = async () => {};
