import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okSchema } from '@amb/shared/common';
import {
  addMemberBodySchema,
  changeMemberRoleBodySchema,
  createTeamBodySchema,
  memberListSchema,
  memberParamsSchema,
  memberSchema,
  adminTeamSchema,
  renameTeamBodySchema,
  teamListSchema,
  teamParamsSchema,
  teamSchema,
} from '@amb/shared/teams';
import { createdInvitationSchema, createInvitationBodySchema, invitationListSchema } from '@amb/shared/invitations';
import { publicOrigin } from '../../lib/http';
import { signedIn } from '../../plugins/auth';
import { createInvitation } from '../../services/invitations/create-invitation';
import { listInvitations } from '../../services/invitations/list-invitations';
import { archiveTeam } from '../../services/teams/archive-team';
import { renameTeam } from '../../services/teams/rename-team';
import { addMember } from '../../services/teams/add-member';
import { changeMemberRole } from '../../services/teams/change-member-role';
import { createTeam } from '../../services/teams/create-team';
import { getTeam } from '../../services/teams/get-team';
import { listMembers } from '../../services/teams/list-members';
import { listTeams } from '../../services/teams/list-teams';
import { removeMember } from '../../services/teams/remove-member';
import { readErrors, writeErrors } from '../errors';

export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: Parameters<typeof signedIn>[0]) => ({ db: app.db, actor: signedIn(request) });

  app.get(
    '/',
    {
      schema: {
        tags: ['teams'],
        summary: 'Teams the signed-in person can see',
        response: { 200: teamListSchema, ...readErrors },
      },
    },
    async (request) => ({
      teams: await listTeams(ctx(request)),
    }),
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['teams'],
        summary: 'Create a team (admin)',
        body: createTeamBodySchema,
        response: { 201: teamSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createTeam(ctx(request), request.body)),
  );

  app.get(
    '/:teamId',
    { schema: { tags: ['teams'], params: teamParamsSchema, response: { 200: teamSchema, ...readErrors } } },
    async (request) => getTeam(ctx(request), request.params.teamId),
  );

  app.patch(
    '/:teamId',
    {
      schema: {
        tags: ['teams'],
        summary: 'Rename a team (admin)',
        params: teamParamsSchema,
        body: renameTeamBodySchema,
        response: { 200: adminTeamSchema, ...writeErrors },
      },
    },
    async (request) => renameTeam(ctx(request), request.params.teamId, request.body.name),
  );

  app.post(
    '/:teamId/archive',
    {
      schema: {
        tags: ['teams'],
        summary: 'Archive a team: it leaves team lists and takes no new members (admin)',
        params: teamParamsSchema,
        response: { 200: adminTeamSchema, ...writeErrors },
      },
    },
    async (request) => archiveTeam(ctx(request), request.params.teamId),
  );

  app.get(
    '/:teamId/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary: 'The team’s invitations (admin, scrum master)',
        params: teamParamsSchema,
        response: { 200: invitationListSchema, ...writeErrors },
      },
    },
    async (request) => ({ invitations: await listInvitations(ctx(request), request.params.teamId) }),
  );

  app.post(
    '/:teamId/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Invite an e-mail address into the team with a role (admin; scrum master for roles below their own)',
        description: 'Refused with 409 LIMIT_REACHED when the team already has 200 invitations waiting to be accepted.',
        params: teamParamsSchema,
        body: createInvitationBodySchema,
        response: { 201: createdInvitationSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createInvitation(ctx(request), request.params.teamId, request.body, {
          mailer: app.mailer,
          origin: publicOrigin(app.config, request),
          ttlHours: app.config.INVITATION_TTL_HOURS,
          log: (m) => request.log.warn(m),
        }),
      ),
  );

  app.get(
    '/:teamId/members',
    { schema: { tags: ['teams'], params: teamParamsSchema, response: { 200: memberListSchema, ...readErrors } } },
    async (request) => ({ members: await listMembers(ctx(request), request.params.teamId) }),
  );

  app.post(
    '/:teamId/members',
    {
      schema: {
        tags: ['teams'],
        summary:
          'Put a person with an account on the team with a role, or change their role (admin; scrum master for roles below their own)',
        params: teamParamsSchema,
        body: addMemberBodySchema,
        response: { 200: memberSchema, ...writeErrors },
      },
    },
    async (request) => addMember(ctx(request), request.params.teamId, request.body),
  );

  app.delete(
    '/:teamId/members/:userId',
    {
      schema: {
        tags: ['teams'],
        summary: 'Take a person off the team (admin; scrum master for roles below their own)',
        params: memberParamsSchema,
        response: { 200: okSchema, ...writeErrors },
      },
    },
    async (request) => {
      await removeMember(ctx(request), request.params.teamId, request.params.userId);
      return { ok: true as const };
    },
  );

  app.put(
    '/:teamId/members/:userId',
    {
      schema: {
        tags: ['teams'],
        summary: 'Change a member’s role (admin; scrum master for roles below their own)',
        params: memberParamsSchema,
        body: changeMemberRoleBodySchema,
        response: { 200: memberSchema, ...writeErrors },
      },
    },
    async (request) => changeMemberRole(ctx(request), request.params.teamId, request.params.userId, request.body.role),
  );
};
