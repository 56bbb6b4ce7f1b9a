import { COMMENTS_PAGE } from '@amb/domain/card-limits';
import type { CommentPage } from '@amb/shared/cards';
import type { Db } from '../../db/prisma';
import { invalidField } from '../../lib/app-error';
import type { ServiceContext } from '../context';
import { mentionedPeople } from '../notifications/mention-names';
import { loadCardFor } from './load-card';

const commentInclude = { author: { select: { id: true, name: true } } } as const;

/**
 * The `limit` comments of a card of the team just before `before` (or its newest), oldest first, and whether older
 * ones exist.
 */
export async function commentPage(
  db: Db,
  teamId: string,
  cardId: string,
  options: { before?: string; limit?: number } = {},
): Promise<CommentPage> {
  const limit = options.limit ?? COMMENTS_PAGE;
  let cursor = {};
  if (options.before) {
    const from = await db.comment.findFirst({
      where: { id: options.before, cardId },
      select: { createdAt: true, id: true },
    });
    if (!from) throw invalidField('querystring.before', 'is not a comment of this card');
    cursor = { OR: [{ createdAt: { lt: from.createdAt } }, { createdAt: from.createdAt, id: { lt: from.id } }] };
  }
  const rows = await db.comment.findMany({
    where: { cardId, ...cursor },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    include: commentInclude,
  });
  const page = rows.slice(0, limit).reverse();
  const mentions = await mentionedPeople(
    db,
    teamId,
    page.map((c) => c.body),
  );
  return {
    comments: page.map((c, i) => ({
      id: c.id,
      author: c.author,
      body: c.body,
      mentions: mentions[i]!,
      createdAt: c.createdAt.toISOString(),
      editedAt: c.editedAt?.toISOString() ?? null,
    })),
    hasOlder: rows.length > limit,
  };
}

export async function listComments(
  { db, actor }: ServiceContext,
  cardId: string,
  options: { before?: string; limit: number },
) {
  const card = await loadCardFor(db, actor, cardId, 'view');
  return commentPage(db, card.teamId, cardId, options);
}
