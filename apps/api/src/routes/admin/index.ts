import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditPageSchema,
  auditQuerySchema,
  directorySchema,
  signUpSettingsBodySchema,
  signUpSettingsSchema,
} from '@amb/shared/organisation';
import { adminTeamListSchema } from '@amb/shared/teams';
import { apiTokenListSchema, apiTokenParamsSchema } from '@amb/shared/account';
import { okSchema } from '@amb/shared/common';
import { listApiTokens, revokeApiToken } from '../../services/api-tokens/api-tokens';
import { signedIn } from '../../plugins/auth';
import { listAudit } from '../../services/audit/list-audit';
import { getDirectory } from '../../services/directory/get-directory';
import { getSignUpSettings, updateSignUpSettings } from '../../services/settings/update-sign-up-settings';
import { listAdminTeams } from '../../services/teams/list-admin-teams';
import { readErrors, writeErrors } from '../errors';

/** Organisation-wide views and settings. */
export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });

  app.get(
    '/directory',
    {
      schema: {
        tags: ['organisation'],
        summary: 'The teams one may ask to join, and the admins to ask',
        response: { 200: directorySchema, ...readErrors },
      },
    },
    async (request) => getDirectory(ctx(request)),
  );

  app.get(
    '/admin/teams',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Every team, archived ones too (admin)',
        response: { 200: adminTeamListSchema, ...writeErrors },
      },
    },
    async (request) => ({ teams: await listAdminTeams(ctx(request)) }),
  );

  app.get(
    '/admin/tokens',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Every live API token in the organisation, with its person and last use (admin)',
        response: { 200: apiTokenListSchema, ...writeErrors },
      },
    },
    async (request) => ({ tokens: await listApiTokens(ctx(request), { everyone: true }) }),
  );

  app.delete(
    '/admin/tokens/:tokenId',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Revoke anyone’s API token (admin)',
        params: apiTokenParamsSchema,
        response: { 200: okSchema, ...writeErrors },
      },
    },
    async (request) => {
      await revokeApiToken(ctx(request), request.params.tokenId, request.tokenId ? 'token' : 'session', {
        anyone: true,
      });
      return { ok: true as const };
    },
  );

  app.get(
    '/admin/audit',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Admin actions, newest first (admin)',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...writeErrors },
      },
    },
    async (request) => listAudit(ctx(request), request.query),
  );

  app.get(
    '/admin/sign-up-settings',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Who may sign up without an invitation (admin)',
        response: { 200: signUpSettingsSchema, ...writeErrors },
      },
    },
    async (request) => getSignUpSettings(ctx(request)),
  );

  app.put(
    '/admin/sign-up-settings',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Set who may sign up without an invitation (admin)',
        body: signUpSettingsBodySchema,
        response: { 200: signUpSettingsSchema, ...writeErrors },
      },
    },
    async (request) => updateSignUpSettings(ctx(request), request.body),
  );
};
