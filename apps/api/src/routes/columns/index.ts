import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const columnRoutes: FastifyPluginAsyncZod = async () => {};
