import { activityKinds } from '@amb/shared/activity';
import type { DeleteNoteResult } from '@amb/shared/retrospectives';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { loadNoteToChange, lockNoteToChange, requireOpen, retrospectiveEntrySubject } from './retrospective-access';

/**
 * Deletes a note while the retrospective is open: its author, or a scrum master or admin. Its votes go with it, so
 * those who placed them have those dots to place again; the entry keeps the note and whose dots they were.
 */
export async function deleteNote({ db, actor }: ServiceContext, noteId: string): Promise<DeleteNoteResult> {
  const note = await loadNoteToChange(db, actor, noteId);
  const retro = note.retrospective;
  return db.$transaction(async (tx) => {
    await requireOpen(tx, retro.id, 'params.noteId', 'changed');
    // Locked before its votes are read: a vote being placed on it finishes first, or waits and finds it gone.
    await lockNoteToChange(tx, noteId, 'delete');
    const current = await tx.retrospectiveNote.findUniqueOrThrow({
      where: { id: noteId },
      include: { votes: { select: { userId: true, dots: true }, orderBy: { userId: 'asc' } } },
    });
    await tx.retrospectiveNote.delete({ where: { id: noteId } });
    await recordActivity(tx, {
      ...(await retrospectiveEntrySubject(tx, actor.id, retro.sprint)),
      kind: activityKinds.retrospectiveNoteDeleted,
      from: {
        retrospectiveId: retro.id,
        noteId,
        group: current.group,
        text: current.text,
        principleId: current.principleId,
        authorId: current.authorId,
        votes: current.votes,
      },
    });
    return { noteId, dotsReturned: current.votes.reduce((sum, v) => sum + v.dots, 0) };
  });
}
