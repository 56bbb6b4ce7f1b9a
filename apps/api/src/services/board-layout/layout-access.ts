import type { Db } from '../../db/prisma';
import { invalidField, notFound } from '../../lib/app-error';
import { requireTeamAccess } from '../access/team-access';
import type { Actor } from '../context';

/** The board a layout change is for, once the actor may change its layout (scrum master, admin). */
export async function boardForLayout(db: Db, actor: Actor, boardId: string, field?: string) {
  const board = await db.board.findUnique({ where: { id: boardId }, select: { id: true, teamId: true } });
  if (!board) throw field ? invalidField(field, 'must be an existing board') : notFound('Board');
  await requireTeamAccess(db, actor, board.teamId, 'manage-board', 'Board');
  return board;
}

/** Moves one item of an ordered list to `position`, renumbering the others 0..n-1. */
export function reorder<T extends { id: string }>(
  items: T[],
  id: string,
  position: number,
): { id: string; position: number }[] {
  const moving = items.find((i) => i.id === id)!;
  const rest = items.filter((i) => i.id !== id);
  rest.splice(Math.min(position, rest.length), 0, moving);
  return rest.map((item, index) => ({ id: item.id, position: index }));
}
