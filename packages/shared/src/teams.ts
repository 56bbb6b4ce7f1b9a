import { z } from 'zod';
import { idSchema, isoDateTime, orgRoleSchema, teamKindSchema, teamRoleSchema } from './common';
import { boardTemplateKeys } from '@amb/domain/board-templates';
import { emailSchema } from './auth';

export const teamParamsSchema = z.object({ teamId: idSchema });

export const teamSchema = z.object({
  id: idSchema,
  name: z.string(),
  slug: z.string(),
  kind: teamKindSchema,
  /** The signed-in user's role on the team; null when they see it through an organisation role (PMO, admin). */
  myRole: teamRoleSchema.nullable(),
  boards: z.array(z.object({ id: idSchema, name: z.string() })),
});
export type Team = z.infer<typeof teamSchema>;
export const teamListSchema = z.object({ teams: z.array(teamSchema) });
export type TeamList = z.infer<typeof teamListSchema>;

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, { message: 'must be at least 2 characters' })
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'may hold only lower-case letters, digits and single dashes' });

export const teamNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(120, { message: 'must be at most 120 characters' });

export const boardTemplateKeySchema = z.enum(boardTemplateKeys);

export const createTeamBodySchema = z.object({
  name: teamNameSchema,
  /** Made from the name when left out. */
  slug: slugSchema.optional(),
  kind: teamKindSchema.default('MARKETING'),
  /** The board the team starts with; the usual five columns when left out. */
  template: boardTemplateKeySchema.optional(),
});
export type CreateTeamBody = z.infer<typeof createTeamBodySchema>;

export const memberSchema = z.object({
  userId: idSchema,
  name: z.string(),
  email: z.string(),
  role: teamRoleSchema,
  since: isoDateTime,
});
export const memberListSchema = z.object({ members: z.array(memberSchema) });

export const addMemberBodySchema = z.object({
  email: emailSchema,
  role: teamRoleSchema,
});
export const memberParamsSchema = z.object({ teamId: idSchema, userId: idSchema });
export const changeMemberRoleBodySchema = z.object({ role: teamRoleSchema });

export const renameTeamBodySchema = z.object({ name: teamNameSchema });

/** A team as the admin's list shows it, archived ones included. */
export const adminTeamSchema = z.object({
  id: idSchema,
  name: z.string(),
  slug: z.string(),
  kind: teamKindSchema,
  memberCount: z.number().int(),
  createdAt: isoDateTime,
  archivedAt: isoDateTime.nullable(),
});
export type AdminTeam = z.infer<typeof adminTeamSchema>;
export const adminTeamListSchema = z.object({ teams: z.array(adminTeamSchema) });

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  orgRole: orgRoleSchema,
  deactivatedAt: isoDateTime.nullable(),
  teamCount: z.number().int(),
});
export type User = z.infer<typeof userSchema>;
export const userListSchema = z.object({ users: z.array(userSchema) });
export const userListQuerySchema = z.object({
  /** Part of a name or e-mail address. */
  q: z.string().trim().max(120).optional(),
});
export const userParamsSchema = z.object({ userId: idSchema });
export const changeOrgRoleBodySchema = z.object({ orgRole: orgRoleSchema });
