import { checkDots, dotsLeft } from '@amb/domain/retrospective';
import { activityKinds } from '@amb/shared/activity';
import { AppError, notFound } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { loadNote, requireOpen, retrospectiveEntrySubject } from './retrospective-access';

/**
 * Sets the actor's dots on a note (0 takes them back). Their dots on all notes together stay within the allowance;
 * several on one note are fine. One person's votes in one retrospective are decided one at a time.
 */
export async function voteOnNote({ db, actor }: ServiceContext, noteId: string, dots: number) {
  const note = await loadNote(db, actor, noteId, 'work');
  const retro = note.retrospective;
  return db.$transaction(async (tx) => {
    const { votesPerPerson } = await requireOpen(tx, retro.id, 'params.noteId');
    // Holds the note while the vote is written: a deletion waits for it, or has gone first and the vote finds nothing.
    const [held] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM retrospective_notes WHERE id = ${noteId} FOR KEY SHARE`;
    if (!held) throw notFound('Note');
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(20261127, hashtext(${`${retro.id}:${actor.id}`}))::text`;
    const mine = await tx.retrospectiveVote.findMany({
      where: { userId: actor.id, note: { retrospectiveId: retro.id } },
      select: { noteId: true, userId: true, dots: true },
    });
    const refused = checkDots(mine, { userId: actor.id, noteId, dots, allowance: votesPerPerson });
    if (refused) {
      const message = `is more than you have left: ${refused.available} of ${votesPerPerson} vote${votesPerPerson === 1 ? '' : 's'} for this note`;
      throw new AppError('VALIDATION_FAILED', `body.dots ${message}`, {
        fields: [{ field: 'body.dots', message }],
        details: { available: refused.available, votesPerPerson },
      });
    }
    const before = mine.find((v) => v.noteId === noteId)?.dots ?? 0;
    if (before !== dots) {
      if (dots === 0) await tx.retrospectiveVote.delete({ where: { noteId_userId: { noteId, userId: actor.id } } });
      else
        await tx.retrospectiveVote.upsert({
          where: { noteId_userId: { noteId, userId: actor.id } },
          create: { noteId, userId: actor.id, dots },
          update: { dots },
        });
      await recordActivity(tx, {
        ...(await retrospectiveEntrySubject(tx, actor.id, retro.sprint)),
        kind: activityKinds.retrospectiveVoted,
        from: { dots: before },
        to: { retrospectiveId: retro.id, noteId, dots },
      });
    }
    const after = [...mine.filter((v) => v.noteId !== noteId), { noteId, userId: actor.id, dots }];
    return { noteId, myDots: dots, myDotsLeft: dotsLeft(after, actor.id, votesPerPerson) };
  });
}
