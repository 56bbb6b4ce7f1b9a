import type { TeamRole } from '@amb/domain/access';

/** Roles as people say them. */
export const teamRoleNames: Record<TeamRole, string> = {
  SCRUM_MASTER: 'Scrum master',
  PRODUCT_OWNER: 'Product owner',
  MEMBER: 'Member',
  VIEWER: 'Viewer',
};

export const orgRoleNames = { NONE: 'Member', PMO: 'PMO', ADMIN: 'Admin' } as const;

export const teamKindNames = { MARKETING: 'Marketing', DEVELOPMENT: 'Development', OTHER: 'Other' } as const;
