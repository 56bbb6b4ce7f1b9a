import { activityKinds } from '@amb/shared/activity';
import type { StandupSettingsBody } from '@amb/shared/standup';
import { requireTeamAccess } from '../access/team-access';
import { recordActivity, type ActivityEntry } from '../activity/record-activity';
import type { ServiceContext } from '../context';

/**
 * Sets when the team's daily stand-up starts (its local time) and, when given, the team's time zone, which also
 * decides where the team's days begin (stand-up window, aging, sprint charts); scrum masters and admins.
 */
export async function setStandupSettings({ db, actor }: ServiceContext, teamId: string, body: StandupSettingsBody) {
  await requireTeamAccess(db, actor, teamId, 'manage-board');
  return db.$transaction(async (tx) => {
    const before = await tx.team.findUniqueOrThrow({
      where: { id: teamId },
      select: { standupTime: true, timeZone: true },
    });
    const timeZone = body.timeZone ?? before.timeZone;
    const team = await tx.team.update({
      where: { id: teamId },
      data: { standupTime: body.standupTime, timeZone },
      select: { standupTime: true, timeZone: true },
    });
    const entries: ActivityEntry[] = [];
    if (before.timeZone !== timeZone) {
      entries.push({
        actorId: actor.id,
        teamId,
        kind: activityKinds.teamTimeZoneChanged,
        from: { timeZone: before.timeZone },
        to: { timeZone },
      });
    }
    if (before.standupTime !== body.standupTime) {
      entries.push({
        actorId: actor.id,
        teamId,
        kind: activityKinds.teamStandupTimeChanged,
        from: { standupTime: before.standupTime },
        to: { standupTime: body.standupTime },
      });
    }
    await recordActivity(tx, ...entries);
    return { teamId, ...team };
  });
}
