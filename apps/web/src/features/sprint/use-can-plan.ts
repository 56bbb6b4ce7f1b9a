import { can } from '@amb/domain/access';
import { useAuthStore } from '../auth/auth-store';
import { useTeamsStore } from '../teams/teams-store';

/** Whether the signed-in person plans this team's sprints (scrum master, product owner or admin). */
export function useCanPlan(teamId: string): boolean {
  const orgRole = useAuthStore((s) => s.me?.user.orgRole ?? 'NONE');
  const teamRole = useTeamsStore((s) => s.teams?.find((t) => t.id === teamId)?.myRole ?? null);
  return can({ orgRole, teamRole }, 'manage-sprints');
}
