import type { CardSummary } from '@amb/shared/boards';
import { notFound } from '../../lib/app-error';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { cardSummaryInclude, toCardSummary } from './card-summary';

/** A board's archived cards, most recently archived first. */
export async function listArchivedCards(
  { db, actor }: ServiceContext,
  boardId: string,
): Promise<{ cards: CardSummary[] }> {
  const board = await db.board.findUnique({ where: { id: boardId }, select: { teamId: true } });
  if (!board) throw notFound('Board');
  await requireTeamAccess(db, actor, board.teamId, 'view', 'Board');
  const cards = await db.card.findMany({
    where: { boardId, archivedAt: { not: null } },
    orderBy: { archivedAt: 'desc' },
    take: 500,
    include: cardSummaryInclude,
  });
  return { cards: cards.map(toCardSummary) };
}
