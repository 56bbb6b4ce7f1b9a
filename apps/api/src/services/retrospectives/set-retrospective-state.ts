import { DEFAULT_VOTES_PER_PERSON } from '@amb/domain/retrospective';
import { activityKinds } from '@amb/shared/activity';
import type { RetrospectiveSettingsBody } from '@amb/shared/retrospectives';
import { AppError } from '../../lib/app-error';
import { recordActivity, type ActivityEntry } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { getRetrospective } from './get-retrospective';
import { liveBoardOf, loadRetroSprint } from './retrospective-access';

/**
 * Opens a sprint's retrospective (the first time, or again after closing) or closes it, and sets how many votes
 * each person has. Scrum masters and admins. A sprint that has not started has nothing to look back on yet.
 */
export async function setRetrospectiveState({ db, actor }: ServiceContext, sprintId: string, body: RetrospectiveSettingsBody) {
  const { sprint } = await loadRetroSprint(db, actor, sprintId, 'run-retrospectives');
  if (sprint.state === 'PLANNED') {
    throw new AppError('CONFLICT', 'A retrospective looks back on a sprint: start the sprint first', { fields: [{ field: 'params.sprintId', message: 'is a sprint that has not started' }] });
  }
  await db.$transaction(async (tx) => {
    const subject = { actorId: actor.id, teamId: sprint.teamId, sprintId, boardId: await liveBoardOf(tx, sprint.teamId) };
    // The row lock orders this change after notes and votes being written (they hold it shared).
    const [before] = await tx.$queryRaw<{ id: string; state: string; votes_per_person: number }[]>`
      SELECT id, state::text AS state, votes_per_person FROM retrospectives WHERE sprint_id = ${sprintId} FOR UPDATE`;
    const votesPerPerson = body.votesPerPerson ?? before?.votes_per_person ?? DEFAULT_VOTES_PER_PERSON;
    const now = new Date();
    const retro = await tx.retrospective.upsert({
      where: { sprintId },
      create: { sprintId, votesPerPerson, state: body.state, closedAt: body.state === 'CLOSED' ? now : null },
      update: { votesPerPerson, state: body.state, ...(before?.state !== body.state ? { closedAt: body.state === 'CLOSED' ? now : null, ...(body.state === 'OPEN' ? { openedAt: now } : {}) } : {}) },
    });
    const entries: ActivityEntry[] = [];
    if (before && before.votes_per_person !== votesPerPerson) {
      entries.push({ ...subject, kind: activityKinds.retrospectiveAllowanceChanged, from: { votesPerPerson: before.votes_per_person }, to: { votesPerPerson } });
    }
    if (before?.state !== body.state) {
      entries.push(
        body.state === 'OPEN'
          ? { ...subject, kind: activityKinds.retrospectiveOpened, to: { retrospectiveId: retro.id, votesPerPerson } }
          : { ...subject, kind: activityKinds.retrospectiveClosed, to: { retrospectiveId: retro.id } },
      );
    }
    await recordActivity(tx, ...entries);
  });
  return getRetrospective({ db, actor }, sprintId);
}
