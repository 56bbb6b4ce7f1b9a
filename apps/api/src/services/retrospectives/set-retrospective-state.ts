import { checkAllowance, DEFAULT_VOTES_PER_PERSON, mostDotsPlaced } from '@amb/domain/retrospective';
import { activityKinds } from '@amb/shared/activity';
import { allowanceBelowPlacedMessage, type RetrospectiveSettingsBody } from '@amb/shared/retrospectives';
import type { Prisma } from '../../db/prisma';
import { AppError } from '../../lib/app-error';
import { recordActivity, type ActivityEntry } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { getRetrospective } from './get-retrospective';
import { liveBoardOf, loadRetroSprint } from './retrospective-access';

/**
 * Opens a sprint's retrospective (the first time, or again after closing) or closes it, and sets how many votes
 * each person has. Scrum masters and admins. A sprint that has not started has nothing to look back on yet.
 */
export async function setRetrospectiveState(
  { db, actor }: ServiceContext,
  sprintId: string,
  body: RetrospectiveSettingsBody,
) {
  const { sprint } = await loadRetroSprint(db, actor, sprintId, 'run-retrospectives');
  if (sprint.state === 'PLANNED') {
    throw new AppError('CONFLICT', 'A retrospective looks back on a sprint: start the sprint first', {
      fields: [{ field: 'params.sprintId', message: 'is a sprint that has not started' }],
    });
  }
  await db.$transaction(async (tx) => {
    const subject = {
      actorId: actor.id,
      teamId: sprint.teamId,
      sprintId,
      boardId: await liveBoardOf(tx, sprint.teamId),
    };
    // The row lock orders this change after notes and votes being written (they hold it shared).
    const [before] = await tx.$queryRaw<{ id: string; state: string; votes_per_person: number }[]>`
      SELECT id, state::text AS state, votes_per_person FROM retrospectives WHERE sprint_id = ${sprintId} FOR UPDATE`;
    const votesPerPerson = body.votesPerPerson ?? before?.votes_per_person ?? DEFAULT_VOTES_PER_PERSON;
    if (before && votesPerPerson < before.votes_per_person) await requireRoomForPlacedDots(tx, before, votesPerPerson);
    const now = new Date();
    const retro = await tx.retrospective.upsert({
      where: { sprintId },
      create: { sprintId, votesPerPerson, state: body.state, closedAt: body.state === 'CLOSED' ? now : null },
      update: {
        votesPerPerson,
        state: body.state,
        ...(before?.state !== body.state
          ? { closedAt: body.state === 'CLOSED' ? now : null, ...(body.state === 'OPEN' ? { openedAt: now } : {}) }
          : {}),
      },
    });
    const entries: ActivityEntry[] = [];
    if (before && before.votes_per_person !== votesPerPerson) {
      entries.push({
        ...subject,
        kind: activityKinds.retrospectiveAllowanceChanged,
        from: { votesPerPerson: before.votes_per_person },
        to: { votesPerPerson },
      });
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

/**
 * Lowering the allowance below the dots someone has already placed is refused, saying how many that is, rather than
 * taking their votes away (decision 40). Read under the retrospective's row lock, so no vote lands in between.
 */
async function requireRoomForPlacedDots(
  tx: Prisma.TransactionClient,
  retro: { id: string; votes_per_person: number },
  next: number,
) {
  const votes = await tx.retrospectiveVote.findMany({
    where: { note: { retrospectiveId: retro.id } },
    select: { noteId: true, userId: true, dots: true },
  });
  const refused = checkAllowance({ current: retro.votes_per_person, next, mostPlaced: mostDotsPlaced(votes) });
  if (!refused) return;
  const placed = `${refused.mostPlaced} vote${refused.mostPlaced === 1 ? '' : 's'}`;
  throw new AppError(
    'CONFLICT',
    `Someone has already placed ${placed}: keep at least ${refused.mostPlaced} per person, or ask them to take some back first`,
    {
      fields: [{ field: 'body.votesPerPerson', message: allowanceBelowPlacedMessage(refused.mostPlaced) }],
      details: { mostDotsPlaced: refused.mostPlaced },
    },
  );
}
