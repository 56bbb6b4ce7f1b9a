import { activityKinds } from '@amb/shared/activity';
import { mentionedIds, mentionsAsNames } from '@amb/shared/notifications';
import type { ConvertActionResult } from '@amb/shared/retrospectives';
import { AppError, invalidField } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import { insertCard } from '../cards/create-card';
import type { ServiceContext } from '../context';
import { readableNames } from '../notifications/mention-names';
import { liveBoardOf, loadNote } from './retrospective-access';

const TITLE_MAX = 200;

/**
 * Turns an action into a card at the bottom of the team's backlog (the first backlog column of its first board), in
 * one step: the card, its entries and the link from the note commit together. Scrum masters and admins; the
 * retrospective may be open or already closed.
 */
export async function convertAction({ db, actor }: ServiceContext, noteId: string): Promise<ConvertActionResult> {
  const note = await loadNote(db, actor, noteId, 'run-retrospectives');
  if (note.group !== 'ACTION') throw invalidField('params.noteId', 'must be an action: only actions become cards');
  const { sprint } = note.retrospective;
  const boardId = await liveBoardOf(db, sprint.teamId);
  if (!boardId)
    throw new AppError('CONFLICT', 'This team has no board to put the card on', {
      fields: [{ field: 'params.noteId', message: 'has no board to become a card on' }],
    });
  const column = await db.column.findFirst({
    where: { boardId },
    orderBy: [{ flowCategory: 'asc' }, { position: 'asc' }],
    select: { id: true },
  });
  if (!column)
    throw new AppError('CONFLICT', 'The team’s board has no column to put the card in', {
      fields: [{ field: 'params.noteId', message: 'has no column to become a card in' }],
    });

  return db.$transaction(async (tx) => {
    // Locked, so two clicks (or two scrum masters) make one card.
    const [current] = await tx.$queryRaw<
      { card_id: string | null }[]
    >`SELECT card_id FROM retrospective_notes WHERE id = ${noteId} FOR UPDATE`;
    if (current?.card_id)
      throw new AppError('CONFLICT', 'This action is already a card', {
        fields: [{ field: 'params.noteId', message: 'is already a card' }],
        details: { cardId: current.card_id },
      });
    // A title is plain text: mentions become names there; the description keeps them as mentions.
    const plain = mentionsAsNames(note.text, await readableNames(tx, sprint.teamId, mentionedIds(note.text)));
    const title = plain.length > TITLE_MAX ? `${plain.slice(0, TITLE_MAX - 1)}…` : plain;
    const { card } = await insertCard(tx, {
      boardId,
      teamId: sprint.teamId,
      actorId: actor.id,
      columnId: column.id,
      swimlaneId: null,
      position: 'bottom',
      title,
      type: 'TASK',
      description: `An action from the retrospective of ${sprint.name}:\n\n${note.text}`,
    });
    await tx.retrospectiveNote.update({ where: { id: noteId }, data: { cardId: card.id } });
    await recordActivity(tx, {
      actorId: actor.id,
      teamId: sprint.teamId,
      // A card's entries name the sprint the card is in: this one is in none yet.
      sprintId: null,
      boardId,
      cardId: card.id,
      kind: activityKinds.retrospectiveActionConverted,
      to: { retrospectiveId: note.retrospectiveId, noteId, text: note.text },
    });
    return { noteId, card: { cardId: card.id, title: card.title, boardId, done: false, archived: false } };
  });
}
