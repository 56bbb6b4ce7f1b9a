import { z } from 'zod';
import { idSchema, isoDateTime, orgRoleSchema, teamKindSchema, teamRoleSchema } from './common';
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

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, { message: 'must be at least 2 characters' })
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'may hold only lower-case letters, digits and single dashes' });

export const createTeamBodySchema = z.object({
  name: z.string().trim().min(1, { message: 'is required' }).max(120),
  slug: slugSchema,
  kind: teamKindSchema.default('MARKETING'),
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

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  orgRole: orgRoleSchema,
});
export const userListSchema = z.object({ users: z.array(userSchema) });
export const userParamsSchema = z.object({ userId: idSchema });
export const changeOrgRoleBodySchema = z.object({ orgRole: orgRoleSchema });
