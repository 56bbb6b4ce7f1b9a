import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const cardRoutes: FastifyPluginAsyncZod = async () => {};
