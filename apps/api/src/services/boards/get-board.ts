import type { BoardView, CardSummary } from '@amb/shared/boards';
import { notFound } from '../../lib/app-error';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';

/**
 * The open cards of a board in rank order, as summaries. PostgreSQL builds the JSON in one query with
 * card_summary() (the one definition of a summary, which move_card uses too), which keeps a 5,000-card board
 * well inside the time budget.
 */
const cardsQuery = `
  SELECT COALESCE(json_agg(card_summary(c) ORDER BY c.column_id, c.rank), '[]') AS cards
  FROM cards c WHERE c.board_id = $1 AND c.archived_at IS NULL`;

/** A board with its columns, swimlanes and open (not archived) cards in rank order. */
export async function getBoard({ db, actor }: ServiceContext, boardId: string): Promise<BoardView> {
  const board = await db.board.findUnique({ where: { id: boardId }, select: { id: true, teamId: true, name: true } });
  if (!board) throw notFound('Board');
  await requireTeamAccess(db, actor, board.teamId, 'view', 'Board');

  const [columns, swimlanes, [cardRows], members, last] = await Promise.all([
    db.column.findMany({ where: { boardId }, orderBy: { position: 'asc' } }),
    db.swimlane.findMany({ where: { boardId }, orderBy: { position: 'asc' } }),
    db.$queryRawUnsafe<{ cards: CardSummary[] }[]>(cardsQuery, boardId),
    db.membership.findMany({ where: { teamId: board.teamId }, select: { user: { select: { id: true, name: true } } } }),
    db.activity.findFirst({ where: { boardId }, orderBy: { id: 'desc' }, select: { id: true } }),
  ]);

  return {
    board,
    columns: columns.map(({ id, name, position, wipLimit, wipPolicy, flowCategory, agingDays, requiresApproval }) => ({
      id,
      name,
      position,
      wipLimit,
      wipPolicy,
      flowCategory,
      agingDays,
      requiresApproval,
    })),
    swimlanes: swimlanes.map(({ id, name, position, wipLimit, wipPolicy }) => ({
      id,
      name,
      position,
      wipLimit,
      wipPolicy,
    })),
    cards: cardRows?.cards ?? [],
    people: members.map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name)),
    lastActivityId: String(last?.id ?? 0n),
  };
}
