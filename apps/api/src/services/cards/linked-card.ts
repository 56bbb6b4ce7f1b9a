import type { z } from 'zod';
import type { linkedCardSchema } from '@amb/shared/cards';
import type { Prisma } from '../../db/prisma';

export const linkedCardInclude = {
  column: { select: { name: true, flowCategory: true } },
  board: { select: { teamId: true, team: { select: { name: true } } } },
} satisfies Prisma.CardInclude;

type LinkedCardRow = Prisma.CardGetPayload<{ include: typeof linkedCardInclude }>;

/** The other end of a link, as the panel shows it: which team, which column, whether it is done. */
export function toLinkedCard(c: LinkedCardRow): z.infer<typeof linkedCardSchema> {
  return { id: c.id, title: c.title, boardId: c.boardId, teamId: c.board.teamId, teamName: c.board.team.name, columnName: c.column.name, done: c.column.flowCategory === 'DONE' };
}
