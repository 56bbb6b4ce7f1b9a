import { activityKinds } from '@amb/shared/activity';
import type { AddNoteBody } from '@amb/shared/retrospectives';
import { recordActivity } from '../activity/record-activity';
import { requireRoomOnTeam } from '../teams/team-room';
import type { ServiceContext } from '../context';
import { noteInclude, toNotes } from './get-retrospective';
import { unreachedMentions } from '../notifications/mention-names';
import {
  loadRetroSprint,
  notOpened,
  requireActivePrinciple,
  requireOpen,
  retrospectiveEntrySubject,
} from './retrospective-access';

/**
 * A note in one of the three groups, while the retrospective is open; anyone who works on the team. People it
 * mentions who cannot read the team's cards are not told; the answer names them back to the writer.
 */
export async function addNote({ db, actor }: ServiceContext, sprintId: string, body: AddNoteBody) {
  const { sprint } = await loadRetroSprint(db, actor, sprintId, 'work');
  const retro = sprint.retrospective;
  if (!retro) throw notOpened('params.sprintId');
  if (body.principleId) await requireActivePrinciple(db, body.principleId);
  return db.$transaction(async (tx) => {
    await requireOpen(tx, retro.id, 'params.sprintId');
    requireRoomOnTeam(
      'retrospectiveNotesPerPerson',
      await tx.retrospectiveNote.count({ where: { retrospectiveId: retro.id, authorId: actor.id } }),
    );
    const note = await tx.retrospectiveNote.create({
      data: {
        retrospectiveId: retro.id,
        group: body.group,
        text: body.text,
        principleId: body.principleId ?? null,
        authorId: actor.id,
      },
      include: noteInclude,
    });
    await recordActivity(tx, {
      ...(await retrospectiveEntrySubject(tx, actor.id, sprint)),
      kind: activityKinds.retrospectiveNoteAdded,
      to: {
        retrospectiveId: retro.id,
        noteId: note.id,
        group: note.group,
        text: note.text,
        principleId: note.principleId,
      },
    });
    const [written] = await toNotes(tx, sprint.teamId, [note], actor.id);
    return { ...written!, unreachedMentions: await unreachedMentions(tx, sprint.teamId, null, note.text) };
  });
}
