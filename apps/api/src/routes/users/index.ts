import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changeOrgRoleBodySchema,
  userListQuerySchema,
  userListSchema,
  userParamsSchema,
  userSchema,
} from '@amb/shared/teams';
import { signedIn } from '../../plugins/auth';
import { changeOrgRole } from '../../services/users/change-org-role';
import { deactivatePerson } from '../../services/users/deactivate-person';
import { listUsers } from '../../services/users/list-users';
import { reactivatePerson } from '../../services/users/reactivate-person';
import { readErrors, writeErrors } from '../errors';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });

  app.get(
    '/',
    {
      schema: {
        tags: ['people'],
        summary: 'Every account, or those matching `q` (admin)',
        querystring: userListQuerySchema,
        response: { 200: userListSchema, ...writeErrors },
      },
    },
    async (request) => ({ users: await listUsers(ctx(request), request.query.q || undefined) }),
  );

  app.put(
    '/:userId/org-role',
    {
      schema: {
        tags: ['people'],
        summary: 'Make a person PMO, admin, or neither (admin)',
        params: userParamsSchema,
        body: changeOrgRoleBodySchema,
        response: { 200: userSchema, ...writeErrors, ...readErrors },
      },
    },
    async (request) => changeOrgRole(ctx(request), request.params.userId, request.body.orgRole),
  );

  app.post(
    '/:userId/deactivate',
    {
      schema: {
        tags: ['people'],
        summary: 'Deactivate a person and end their sessions at once (admin)',
        params: userParamsSchema,
        response: { 200: userSchema, ...writeErrors },
      },
    },
    async (request) => deactivatePerson(ctx(request), request.params.userId),
  );

  app.post(
    '/:userId/reactivate',
    {
      schema: {
        tags: ['people'],
        summary: 'Let a deactivated person sign in again (admin)',
        params: userParamsSchema,
        response: { 200: userSchema, ...writeErrors },
      },
    },
    async (request) => reactivatePerson(ctx(request), request.params.userId),
  );
};
