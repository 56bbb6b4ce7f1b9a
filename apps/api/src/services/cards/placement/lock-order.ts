// The order every write takes the locks of the places whose counts it changes, so that two writes never wait on
// each other in a circle: the column a card enters (or columns, in id order), then swimlanes in id order, then
// people's rows in id order (person-limits.ts), each until the transaction ends.
import { Prisma } from '../../../db/prisma';

type Tx = Prisma.TransactionClient;

/** Locks places whose counts a write is about to change: columns, then swimlanes, each in id order, as every writer takes them. */
export async function lockPlaces(tx: Tx, p: { columnIds: string[]; swimlaneIds: string[] }) {
  if (p.columnIds.length)
    await tx.$queryRaw`SELECT id FROM columns WHERE id IN (${Prisma.join(p.columnIds)}) ORDER BY id FOR UPDATE`;
  if (p.swimlaneIds.length)
    await tx.$queryRaw`SELECT id FROM swimlanes WHERE id IN (${Prisma.join(p.swimlaneIds)}) ORDER BY id FOR UPDATE`;
}
