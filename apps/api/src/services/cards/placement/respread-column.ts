// When a rank between two cards grows too long, the column's open cards are given short, evenly spaced ranks again.
import { spreadRanks } from '@amb/domain/ranks';
import { activityKinds } from '@amb/shared/activity';
import { Prisma } from '../../../db/prisma';
import { recordActivity } from '../../activity/record-activity';
import type { Placement } from './decide-placement';

type Tx = Prisma.TransactionClient;

/** Renumbers the open cards of a column with short, evenly spaced ranks, keeping their order; returns the new card's rank. */
export async function respreadColumn(tx: Tx, p: Placement, columnId: string, above: string | null): Promise<string> {
  const cards = await tx.$queryRaw<{ id: string; rank: string }[]>`
    SELECT id, rank FROM cards WHERE column_id = ${columnId} AND archived_at IS NULL AND id <> ${p.cardId ?? ''} ORDER BY rank`;
  const slot = above === null ? 0 : cards.findIndex((c) => c.rank === above) + 1;
  const ranks = spreadRanks(cards.length + 1);
  const newRank = ranks.splice(slot, 1)[0]!;
  if (cards.length) {
    const values = Prisma.join(cards.map((c, i) => Prisma.sql`(${c.id}, ${ranks[i]!})`));
    // The column condition skips a card that another transaction has just moved away.
    await tx.$executeRaw`UPDATE cards SET rank = v.rank FROM (VALUES ${values}) AS v(id, rank) WHERE cards.id = v.id AND cards.column_id = ${columnId}`;
  }
  // Moves decided without the column's lock see the epoch change and decide again.
  await tx.column.update({ where: { id: columnId }, data: { rankEpoch: { increment: 1 } } });
  await recordActivity(tx, {
    actorId: p.actorId,
    teamId: p.teamId,
    boardId: p.boardId,
    kind: activityKinds.columnReranked,
    to: { columnId },
  });
  return newRank;
}
