import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const boardEventRoutes: FastifyPluginAsyncZod = async () => {};
