import { z } from 'zod';

export const idSchema = z.uuid({ message: 'must be a valid id' });
export const isoDateTime = z.iso.datetime({ offset: true });

export const orgRoles = ['NONE', 'PMO', 'ADMIN'] as const;
export const teamRoles = ['SCRUM_MASTER', 'PRODUCT_OWNER', 'MEMBER', 'VIEWER'] as const;
export const teamKinds = ['MARKETING', 'DEVELOPMENT', 'OTHER'] as const;
export const orgRoleSchema = z.enum(orgRoles);
export const teamRoleSchema = z.enum(teamRoles);
export const teamKindSchema = z.enum(teamKinds);

export const okSchema = z.object({ ok: z.literal(true) });
