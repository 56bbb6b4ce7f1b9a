import type { BoardView } from '@amb/shared/boards';
import { notFound } from '../../lib/app-error';
import { requireTeamAccess } from '../access/team-access';
import { cardSummaryInclude, toCardSummary } from '../cards/card-summary';
import type { ServiceContext } from '../context';

/** A board with its columns, swimlanes and open (not archived) cards in rank order. */
export async function getBoard({ db, actor }: ServiceContext, boardId: string): Promise<BoardView> {
  const board = await db.board.findUnique({ where: { id: boardId }, select: { id: true, teamId: true, name: true } });
  if (!board) throw notFound('Board');
  await requireTeamAccess(db, actor, board.teamId, 'view', 'Board');

  const [columns, swimlanes, cards, members, last] = await Promise.all([
    db.column.findMany({ where: { boardId }, orderBy: { position: 'asc' } }),
    db.swimlane.findMany({ where: { boardId }, orderBy: { position: 'asc' } }),
    db.card.findMany({
      where: { boardId, archivedAt: null },
      orderBy: [{ columnId: 'asc' }, { rank: 'asc' }],
      include: cardSummaryInclude,
    }),
    db.membership.findMany({ where: { teamId: board.teamId }, select: { user: { select: { id: true, name: true } } } }),
    db.activity.findFirst({ where: { boardId }, orderBy: { id: 'desc' }, select: { id: true } }),
  ]);

  return {
    board,
    columns: columns.map(({ id, name, position, wipLimit, wipPolicy, flowCategory }) => ({ id, name, position, wipLimit, wipPolicy, flowCategory })),
    swimlanes: swimlanes.map(({ id, name, position, wipLimit, wipPolicy }) => ({ id, name, position, wipLimit, wipPolicy })),
    cards: cards.map(toCardSummary),
    people: members.map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name)),
    lastActivityId: String(last?.id ?? 0n),
  };
}
