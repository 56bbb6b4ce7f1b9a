import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeOrgRoleBodySchema, userListSchema, userParamsSchema, userSchema } from '@amb/shared/teams';
import { signedIn } from '../../plugins/auth';
import { changeOrgRole } from '../../services/users/change-org-role';
import { listUsers } from '../../services/users/list-users';
import { readErrors, writeErrors } from '../errors';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { schema: { tags: ['people'], summary: 'Every account (admin)', response: { 200: userListSchema, ...writeErrors } } }, async (request) => ({
    users: await listUsers({ db: app.db, actor: signedIn(request) }),
  }));

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
    async (request) => changeOrgRole({ db: app.db, actor: signedIn(request) }, request.params.userId, request.body.orgRole),
  );
};
