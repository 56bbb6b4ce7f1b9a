// Who may do what. One place for the rules; the API decides with them and the web app hides what it would refuse.

export type OrgRole = 'NONE' | 'PMO' | 'ADMIN';
export type TeamRole = 'SCRUM_MASTER' | 'PRODUCT_OWNER' | 'MEMBER' | 'VIEWER';

export interface TeamAccess {
  orgRole: OrgRole;
  /** The person's role on the team, or null when not a member. */
  teamRole: TeamRole | null;
}

export type TeamAction =
  /** See the team, its boards, cards, sprints and charts. */
  | 'view'
  /** Create, edit, move, comment on and archive cards. */
  | 'work'
  /** Change columns, swimlanes and WIP limits. */
  | 'manage-board'
  /** Plan, start and close sprints. */
  | 'manage-sprints'
  /** Open and close a sprint's retrospective, set its votes, turn its actions into cards. */
  | 'run-retrospectives'
  /** Add and remove people, rename the team. */
  | 'manage-team'
  /** Take on an escalated obstacle for the PMO and say when it is cleared (the PMO and admins). */
  | 'handle-obstacles';

const memberRights: Record<TeamRole, readonly TeamAction[]> = {
  SCRUM_MASTER: ['view', 'work', 'manage-board', 'manage-sprints', 'run-retrospectives'],
  PRODUCT_OWNER: ['view', 'work', 'manage-sprints'],
  MEMBER: ['view', 'work'],
  VIEWER: ['view'],
};

export function can(access: TeamAccess, action: TeamAction): boolean {
  if (access.orgRole === 'ADMIN') return true;
  if (access.teamRole && memberRights[access.teamRole].includes(action)) return true;
  // The PMO reads every team but changes none it is not a member of; it only works the obstacles escalated to it.
  return access.orgRole === 'PMO' && (action === 'view' || action === 'handle-obstacles');
}

/** Seeing a team at all: a person who may not gets "not found", so team names and ids do not leak. */
export function canSeeTeam(access: TeamAccess): boolean {
  return can(access, 'view');
}

export function isOrgWide(orgRole: OrgRole): boolean {
  return orgRole === 'ADMIN' || orgRole === 'PMO';
}
