import { activityKinds } from '@amb/shared/activity';
import type { EditNoteBody, RetrospectiveNoteWrite } from '@amb/shared/retrospectives';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { noteInclude, toNotes } from './get-retrospective';
import { unreachedMentions } from '../notifications/mention-names';
import {
  loadNoteToChange,
  lockNoteToChange,
  requireActivePrinciple,
  requireOpen,
  retrospectiveEntrySubject,
} from './retrospective-access';

type NoteFields = Pick<EditNoteBody, 'text' | 'group' | 'principleId'>;

/**
 * Changes a note's text, group or principle while the retrospective is open: its author, or a scrum master or admin.
 * Its votes stay. Only what differs is written and logged; an edit that changes nothing writes nothing. People the
 * new text mentions who cannot read the team's cards are not told; the answer names them back to the writer.
 */
export async function editNote(
  { db, actor }: ServiceContext,
  noteId: string,
  body: EditNoteBody,
): Promise<RetrospectiveNoteWrite> {
  const note = await loadNoteToChange(db, actor, noteId);
  const retro = note.retrospective;
  // A principle archived since the note was tagged may stay; only a newly chosen one must be in use.
  if (body.principleId && body.principleId !== note.principleId) await requireActivePrinciple(db, body.principleId);

  return db.$transaction(async (tx) => {
    await requireOpen(tx, retro.id, 'params.noteId', 'changed');
    await lockNoteToChange(tx, noteId, 'edit');
    const current = await tx.retrospectiveNote.findUniqueOrThrow({
      where: { id: noteId },
      select: { text: true, group: true, principleId: true },
    });
    const from: NoteFields = {};
    const to: NoteFields = {};
    for (const field of ['text', 'group', 'principleId'] as const) {
      const next = body[field];
      if (next === undefined || next === current[field]) continue;
      Object.assign(from, { [field]: current[field] });
      Object.assign(to, { [field]: next });
    }
    if (Object.keys(to).length > 0) {
      await tx.retrospectiveNote.update({ where: { id: noteId }, data: { ...to, editedAt: new Date() } });
      await recordActivity(tx, {
        ...(await retrospectiveEntrySubject(tx, actor.id, retro.sprint)),
        kind: activityKinds.retrospectiveNoteEdited,
        from: { noteId, ...from },
        to: { retrospectiveId: retro.id, noteId, ...to },
      });
    }
    const teamId = retro.sprint.teamId;
    const [written] = await toNotes(
      tx,
      teamId,
      [await tx.retrospectiveNote.findUniqueOrThrow({ where: { id: noteId }, include: noteInclude })],
      actor.id,
    );
    const unreached = to.text !== undefined ? await unreachedMentions(tx, teamId, from.text ?? null, to.text) : [];
    return { ...written!, unreachedMentions: unreached };
  });
}
