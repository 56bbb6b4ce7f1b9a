import { notFound } from '../../lib/app-error';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import type { BoardEventHub, SendEvent } from './board-event-hub';

/**
 * Checks that the actor may see the board, then streams its changes from after `after` (an activity id the
 * client saw last) or, without one, from now. Returns the function that stops the stream, and the board's team.
 */
export async function watchBoard({ db, actor }: ServiceContext, hub: BoardEventHub, boardId: string, after: string | undefined, send: SendEvent) {
  const board = await db.board.findUnique({ where: { id: boardId }, select: { teamId: true } });
  if (!board) throw notFound('Board');
  await requireTeamAccess(db, actor, board.teamId, 'view', 'Board');
  const from = after !== undefined ? BigInt(after) : ((await db.activity.aggregate({ where: { boardId }, _max: { id: true } }))._max.id ?? 0n);
  return { stop: await hub.subscribe(boardId, from, send), teamId: board.teamId };
}
