import { activityKinds } from '@amb/shared/activity';
import { recordActivity } from '../activity/record-activity';
import { mentionedPeople, unreachedMentions } from '../notifications/mention-names';
import type { ServiceContext } from '../context';
import { requireRoomOnCard } from './card-room';
import { loadOpenCardFor } from './load-card';

export async function addComment({ db, actor }: ServiceContext, cardId: string, body: string) {
  const card = await loadOpenCardFor(db, actor, cardId, 'work');
  await requireRoomOnCard(db, cardId, 'comments');
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { cardId, authorId: actor.id, body },
      include: { author: { select: { id: true, name: true } } },
    });
    await recordActivity(tx, {
      actorId: actor.id,
      teamId: card.teamId,
      boardId: card.boardId,
      cardId,
      sprintId: card.sprintId,
      kind: activityKinds.commentAdded,
      to: { commentId: comment.id },
    });
    const [mentions] = await mentionedPeople(tx, card.teamId, [comment.body]);
    return {
      id: comment.id,
      author: comment.author,
      body: comment.body,
      mentions: mentions!,
      createdAt: comment.createdAt.toISOString(),
      editedAt: null,
      unreachedMentions: await unreachedMentions(tx, card.teamId, null, comment.body),
    };
  });
}
