import type { BoardPeopleWip } from '@amb/shared/person-wip';
import { notFound } from '../../lib/app-error';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';

/** The people of a board's team and the owners of its open cards, each with their WIP limit and their count on every board. */
export async function listBoardPeopleWip({ db, actor }: ServiceContext, boardId: string): Promise<BoardPeopleWip> {
  const board = await db.board.findUnique({ where: { id: boardId }, select: { teamId: true } });
  if (!board) throw notFound('Board');
  await requireTeamAccess(db, actor, board.teamId, 'view', 'Board');
  const people = await db.$queryRawUnsafe<
    { userId: string; name: string; wipLimit: number | null; wipPolicy: 'SOFT' | 'HARD'; count: number }[]
  >(
    `SELECT u.id AS "userId", u.name, u.wip_limit AS "wipLimit", u.wip_policy::text AS "wipPolicy", person_wip_count(u.id, '') AS count
     FROM users u
     WHERE u.id IN (SELECT user_id FROM memberships WHERE team_id = $1)
        OR u.id IN (SELECT o.user_id FROM card_owners o JOIN cards c ON c.id = o.card_id WHERE c.board_id = $2 AND c.archived_at IS NULL)
     ORDER BY u.name, u.id`,
    board.teamId,
    boardId,
  );
  return { people };
}
