import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** A card's detail: the panel's data, comments, checklists, links to other cards, search for the link picker. */
export const cardDetailRoutes: FastifyPluginAsyncZod = async () => {};
