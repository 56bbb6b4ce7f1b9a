import { activityKinds } from '@amb/shared/activity';
import { requireTeamAccess } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';

/** Sets when the team's daily stand-up starts (its local time); scrum masters and admins. */
export async function setStandupTime({ db, actor }: ServiceContext, teamId: string, standupTime: string) {
  await requireTeamAccess(db, actor, teamId, 'manage-board');
  return db.$transaction(async (tx) => {
    const before = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { standupTime: true } });
    const team = await tx.team.update({ where: { id: teamId }, data: { standupTime }, select: { standupTime: true, timeZone: true } });
    if (before.standupTime !== standupTime) {
      await recordActivity(tx, { actorId: actor.id, teamId, kind: activityKinds.teamStandupTimeChanged, from: { standupTime: before.standupTime }, to: { standupTime } });
    }
    return { teamId, ...team };
  });
}
