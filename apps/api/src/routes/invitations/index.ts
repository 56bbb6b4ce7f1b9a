import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema } from '@amb/shared/errors';
import {
  acceptedInvitationSchema,
  acceptInvitationBodySchema,
  invitationParamsSchema,
  invitationPreviewSchema,
  invitationSchema,
  invitationTokenParamsSchema,
} from '@amb/shared/invitations';
import { setSessionCookie, signInPolicy, userAgentOf } from '../../lib/http';
import { signedIn } from '../../plugins/auth';
import { acceptInvitation } from '../../services/invitations/accept-invitation';
import { previewInvitation } from '../../services/invitations/preview-invitation';
import { revokeInvitation } from '../../services/invitations/revoke-invitation';
import { writeErrors } from '../errors';

const publicErrors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  429: errorBodySchema,
};

export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app;
  // The link is the secret: limit how fast anyone can try links, as for sign-in.
  const linkLimit = { rateLimit: { max: config.LOGIN_RATE_LIMIT * 3, timeWindow: '1 minute' } };

  app.get(
    '/token/:token',
    {
      config: linkLimit,
      schema: {
        tags: ['invitations'],
        security: [],
        summary: 'What an invitation link invites to',
        params: invitationTokenParamsSchema,
        response: { 200: invitationPreviewSchema, ...publicErrors },
      },
    },
    async (request) => previewInvitation(app.db, request.params.token),
  );

  app.post(
    '/accept',
    {
      config: linkLimit,
      // Joining with an existing account is signing in with its password: the same limit per address.
      preHandler: app.passwordAttempts,
      schema: {
        tags: ['invitations'],
        security: [],
        summary: 'Accept an invitation: create the account, or join with the existing one',
        body: acceptInvitationBodySchema,
        response: { 200: acceptedInvitationSchema, ...publicErrors },
      },
    },
    async (request, reply) => {
      const result = await acceptInvitation({
        db: app.db,
        body: request.body,
        actor: request.actor,
        policy: signInPolicy(config),
        userAgent: userAgentOf(request),
      });
      if (result.session) setSessionCookie(reply, config, result.session);
      return { teamId: result.teamId, boardId: result.boardId };
    },
  );

  app.delete(
    '/:invitationId',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Withdraw a pending invitation',
        params: invitationParamsSchema,
        response: { 200: invitationSchema, ...writeErrors },
      },
    },
    async (request) => revokeInvitation({ db: app.db, actor: signedIn(request) }, request.params.invitationId),
  );
};
