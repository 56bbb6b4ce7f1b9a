import { notFound } from '../../lib/app-error';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { readCommitted, type BoardEventHub, type SendEvent } from './board-event-hub';

/**
 * Checks that the actor may see the board, then streams its changes from after `after` (the commit-order
 * number of the event the client saw last) or, without one, from now. Returns the function that stops the stream,
 * and the board's team.
 */
export async function watchBoard(
  { db, actor }: ServiceContext,
  hub: BoardEventHub,
  boardId: string,
  after: string | undefined,
  send: SendEvent,
) {
  const board = await db.board.findUnique({ where: { id: boardId }, select: { teamId: true } });
  if (!board) throw notFound('Board');
  await requireTeamAccess(db, actor, board.teamId, 'view', 'Board');
  const from = after !== undefined ? BigInt(after) : await latestCommitted(db, boardId);
  return { stop: await hub.subscribe(boardId, from, send), teamId: board.teamId };
}

/** The board's newest commit-order number: a stream that starts now continues from there. */
async function latestCommitted(db: ServiceContext['db'], boardId: string) {
  return readCommitted(
    db,
    boardId,
    async (tx) => (await tx.activityCommit.aggregate({ where: { boardId }, _max: { seq: true } }))._max.seq ?? 0n,
  );
}
