import { can, canSeeTeam, type TeamAccess, type TeamAction, type TeamRole } from '@amb/domain/access';
import { canManageTeamMembers, canManageTeamRole } from '@amb/domain/organisation';
import type { Db, Prisma } from '../../db/prisma';
import { AppError, notFound } from '../../lib/app-error';
import type { Actor } from '../context';

export async function teamAccess(
  db: Db | Prisma.TransactionClient,
  actor: Actor,
  teamId: string,
): Promise<TeamAccess | null> {
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: { memberships: { where: { userId: actor.id }, select: { role: true } } },
  });
  if (!team) return null;
  return { orgRole: actor.orgRole, teamRole: (team.memberships[0]?.role as TeamRole | undefined) ?? null };
}

const refusal: Record<TeamAction, string> = {
  view: 'You cannot see this team',
  work: 'Your role on this team is read-only',
  'manage-board': 'Only a scrum master or an admin can change the board layout',
  'manage-sprints': 'Only a scrum master, a product owner or an admin can plan sprints',
  'run-retrospectives': 'Only a scrum master or an admin can run the retrospective',
  'manage-team': 'Only an admin can manage teams and people',
  'handle-obstacles': 'Only the PMO or an admin can handle an escalated obstacle',
};

/**
 * Checks that the actor may take `action` on the team. Someone who may not even see the team gets
 * "not found" (what they cannot see, they cannot learn exists); someone who sees it but may not act gets 403.
 */
export async function requireTeamAccess(db: Db, actor: Actor, teamId: string, action: TeamAction, what = 'Team') {
  return decideTeamAccess(await teamAccess(db, actor, teamId), action, what);
}

/** The same decision, for a caller that already read the actor's role on the team along with its data. */
export function decideTeamAccess(access: TeamAccess | null, action: TeamAction, what = 'Team') {
  if (!access || !canSeeTeam(access)) throw notFound(what);
  if (!can(access, action)) throw new AppError('FORBIDDEN', refusal[action]);
  return access;
}

export function requireAdmin(actor: Actor) {
  if (actor.orgRole !== 'ADMIN') throw new AppError('FORBIDDEN', refusal['manage-team']);
}

/**
 * Checks that the actor may manage the team's members at all (admins, the team's scrum masters) and, for each role
 * given, may hand out or take back that role. Those who cannot see the team get "not found".
 */
export async function requireMemberManager(
  db: Db | Prisma.TransactionClient,
  actor: Actor,
  teamId: string,
  ...roles: TeamRole[]
) {
  const access = await teamAccess(db, actor, teamId);
  if (!access || !canSeeTeam(access)) throw notFound('Team');
  if (!canManageTeamMembers(access))
    throw new AppError('FORBIDDEN', 'Only a scrum master of this team or an admin can manage its members');
  for (const role of roles) {
    if (!canManageTeamRole(access, role))
      throw new AppError(
        'FORBIDDEN',
        'A scrum master manages product owners, members and viewers; ask an admin for scrum master changes',
      );
  }
  return access;
}
