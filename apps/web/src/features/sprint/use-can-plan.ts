import { useTeamAbility } from '../../app/team-access';

/** Whether the signed-in person plans this team's sprints (scrum master, product owner or admin). */
export const useCanPlan = (teamId: string): boolean => useTeamAbility(teamId)('manage-sprints');
