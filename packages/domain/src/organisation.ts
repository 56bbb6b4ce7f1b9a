// Rules for running the organisation: who manages whose team role, the admin seats, and who may sign up.
import type { OrgRole, TeamAccess, TeamRole } from './access';

/** Team roles a scrum master hands out and takes back on their own team: every role below their own. */
export const rolesBelowScrumMaster: readonly TeamRole[] = ['PRODUCT_OWNER', 'MEMBER', 'VIEWER'];

/**
 * May this person give someone `role` on the team (invite, add, change to), or change or remove someone who
 * holds `role` there? Admins manage every role; a scrum master manages the roles below scrum master.
 */
export function canManageTeamRole(access: TeamAccess, role: TeamRole): boolean {
  if (access.orgRole === 'ADMIN') return true;
  return access.teamRole === 'SCRUM_MASTER' && rolesBelowScrumMaster.includes(role);
}

/** May this person manage any of the team's members (see the team's invitations, open the members page)? */
export function canManageTeamMembers(access: TeamAccess): boolean {
  return access.orgRole === 'ADMIN' || access.teamRole === 'SCRUM_MASTER';
}

export type AdminSeatChange = { kind: 'org-role'; to: OrgRole } | { kind: 'deactivate' };

/**
 * Whether a change to a person leaves the organisation with an active admin. `activeAdmins` counts active admins
 * before the change. Returns the reason for a refusal, or null when the change may go ahead.
 */
export function adminSeatRefusal(
  target: { orgRole: OrgRole; isSelf: boolean },
  change: AdminSeatChange,
  activeAdmins: number,
): string | null {
  if (change.kind === 'deactivate' && target.isSelf) return 'You cannot deactivate yourself; ask another admin';
  const losesSeat = target.orgRole === 'ADMIN' && (change.kind === 'deactivate' || change.to !== 'ADMIN');
  if (!losesSeat || activeAdmins > 1) return null;
  return target.isSelf
    ? 'You are the last admin; make someone else an admin before you step down'
    : 'This is the last admin; the organisation needs at least one';
}

export type SignUpPolicy = 'OPEN' | 'INVITATION_ONLY' | 'DOMAINS';

/** The domain of an e-mail address, lower-case. */
export const emailDomain = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** A bare domain such as `example.com`: labels of letters, digits and inner dashes, and a top-level label. */
export function isValidDomain(domain: string): boolean {
  if (domain.length > 253) return false;
  const labels = domain.split('.');
  return (
    labels.length >= 2 &&
    labels.every((l) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(l)) &&
    /[a-z]/.test(labels.at(-1)!)
  );
}

/**
 * May someone create an account with this address without an invitation? The first account of an empty
 * installation always may: it becomes the admin.
 */
export function signUpDecision(
  policy: { signUpPolicy: SignUpPolicy; allowedDomains: readonly string[] },
  email: string,
  isFirstAccount: boolean,
): 'allowed' | 'invitation-only' | 'domain-not-allowed' {
  if (isFirstAccount || policy.signUpPolicy === 'OPEN') return 'allowed';
  if (policy.signUpPolicy === 'INVITATION_ONLY') return 'invitation-only';
  return policy.allowedDomains.includes(emailDomain(email)) ? 'allowed' : 'domain-not-allowed';
}
