import { can, type TeamAction } from '@amb/domain/access';
import { useAuthStore } from './auth-store';
import { useTeam } from './teams';

/**
 * What the signed-in person may do on a team, decided by the same `can()` the API decides with. The web only
 * predicts (to hide or explain a control); the API still refuses what is not allowed.
 */
export function useTeamAbility(teamId: string | undefined): (action: TeamAction) => boolean {
  const me = useAuthStore((s) => s.me);
  const { team } = useTeam(teamId);
  return (action) => Boolean(me) && can({ orgRole: me!.user.orgRole, teamRole: team?.myRole ?? null }, action);
}
