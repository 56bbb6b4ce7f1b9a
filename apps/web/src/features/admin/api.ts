import { meSchema } from '@amb/shared/auth';
import {
  memberListSchema,
  memberSchema,
  adminTeamListSchema,
  adminTeamSchema,
  teamSchema,
  userListSchema,
  userSchema,
  type CreateTeamBody,
} from '@amb/shared/teams';
import {
  createdInvitationSchema,
  invitationListSchema,
  invitationSchema,
  type CreateInvitationBody,
} from '@amb/shared/invitations';
import { auditPageSchema, signUpSettingsSchema, type SignUpSettings } from '@amb/shared/organisation';
import type { OrgRole, TeamRole } from '@amb/domain/access';
import { api } from '../../lib/api-client';

export const adminKeys = {
  teams: ['admin', 'teams'] as const,
  members: (teamId: string) => ['admin', 'teams', teamId, 'members'] as const,
  invitations: (teamId: string) => ['admin', 'teams', teamId, 'invitations'] as const,
  people: (q: string) => ['admin', 'people', q] as const,
  signUp: ['admin', 'sign-up-settings'] as const,
  audit: ['admin', 'audit'] as const,
};

export const fetchAdminTeams = () => api('GET', '/admin/teams', { schema: adminTeamListSchema }).then((r) => r.teams);
export const createTeam = (body: Partial<CreateTeamBody> & { name: string }) =>
  api('POST', '/teams', { body, schema: teamSchema });
export const renameTeam = (teamId: string, name: string) =>
  api('PATCH', `/teams/${teamId}`, { body: { name }, schema: adminTeamSchema });
export const archiveTeam = (teamId: string) => api('POST', `/teams/${teamId}/archive`, { schema: adminTeamSchema });

export const fetchMembers = (teamId: string) =>
  api('GET', `/teams/${teamId}/members`, { schema: memberListSchema }).then((r) => r.members);
export const addMember = (teamId: string, email: string, role: TeamRole) =>
  api('POST', `/teams/${teamId}/members`, { body: { email, role }, schema: memberSchema });
export const changeMemberRole = (teamId: string, userId: string, role: TeamRole) =>
  api('PUT', `/teams/${teamId}/members/${userId}`, { body: { role }, schema: memberSchema });
export const removeMember = (teamId: string, userId: string) => api('DELETE', `/teams/${teamId}/members/${userId}`);

export const fetchInvitations = (teamId: string) =>
  api('GET', `/teams/${teamId}/invitations`, { schema: invitationListSchema }).then((r) => r.invitations);
export const createInvitation = (teamId: string, body: CreateInvitationBody) =>
  api('POST', `/teams/${teamId}/invitations`, { body, schema: createdInvitationSchema });
export const revokeInvitation = (invitationId: string) =>
  api('DELETE', `/invitations/${invitationId}`, { schema: invitationSchema });

export const fetchPeople = (q: string) =>
  api('GET', `/users${q ? `?q=${encodeURIComponent(q)}` : ''}`, { schema: userListSchema }).then((r) => r.users);
export const changeOrgRole = (userId: string, orgRole: OrgRole) =>
  api('PUT', `/users/${userId}/org-role`, { body: { orgRole }, schema: userSchema });
export const deactivatePerson = (userId: string) => api('POST', `/users/${userId}/deactivate`, { schema: userSchema });
export const reactivatePerson = (userId: string) => api('POST', `/users/${userId}/reactivate`, { schema: userSchema });

export const fetchSignUpSettings = () => api('GET', '/admin/sign-up-settings', { schema: signUpSettingsSchema });
export const saveSignUpSettings = (body: SignUpSettings) =>
  api('PUT', '/admin/sign-up-settings', { body, schema: signUpSettingsSchema });

export const fetchAudit = (before?: string) =>
  api('GET', `/admin/audit?limit=50${before ? `&before=${before}` : ''}`, { schema: auditPageSchema });

export const fetchMe = () => api('GET', '/auth/me', { schema: meSchema });
