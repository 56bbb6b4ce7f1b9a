import type { Db } from '../../db/prisma';
import { Prisma } from '../../db/prisma';

type Tx = Prisma.TransactionClient | Db;

export interface ActivityEntry {
  actorId?: string | null;
  teamId?: string | null;
  boardId?: string | null;
  cardId?: string | null;
  sprintId?: string | null;
  /** What happened, e.g. `card.moved`, `card.updated`, `wip.breach.started`. */
  kind: string;
  field?: string | null;
  from?: unknown;
  to?: unknown;
  at?: Date;
}

const json = (value: unknown) => (value === undefined ? undefined : value === null ? Prisma.JsonNull : (value as Prisma.InputJsonValue));

/** Appends to the activity log, inside the caller's transaction so history and change commit together. */
export async function recordActivity(tx: Tx, ...entries: ActivityEntry[]) {
  if (entries.length === 0) return;
  await tx.activity.createMany({
    data: entries.map((e) => ({ ...e, from: json(e.from), to: json(e.to) })),
  });
}
