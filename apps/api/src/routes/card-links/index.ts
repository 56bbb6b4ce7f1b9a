import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const cardLinkRoutes: FastifyPluginAsyncZod = async () => {};
