import { parseActivityPayload, type AnyActivityPayloadInput } from '@amb/shared/activity';
import { Prisma } from '../../db/prisma';

/** Who and what an entry is about, beside its typed kind and payload. */
export interface ActivitySubject {
  actorId?: string | null;
  teamId?: string | null;
  boardId?: string | null;
  cardId?: string | null;
  /** For a card's entries: the sprint the card is in (after the change). */
  sprintId?: string | null;
  at?: Date;
}

/** One entry of the activity log: a kind from the shared list with the payload its schema accepts. */
export type ActivityEntry = AnyActivityPayloadInput & ActivitySubject;

const json = (value: unknown) => (value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue));

/** The row an entry becomes, its payload checked against its kind's schema (a mismatch is a bug: it throws). */
export function activityRow(entry: ActivityEntry) {
  const { kind, field, from, to } = parseActivityPayload(entry);
  const { actorId, teamId, boardId, cardId, sprintId, at } = entry;
  return { actorId, teamId, boardId, cardId, sprintId, at, kind, field: field as string | null, from, to };
}

/** A transaction's client. The root client (which can `$connect`) does not compile: an entry is never written outside the change's transaction. */
export type InTransaction<T> = T & ('$connect' extends keyof T ? never : unknown);

/** Appends to the activity log, inside the caller's transaction so history and change commit together. */
export async function recordActivity<T extends Prisma.TransactionClient>(
  tx: InTransaction<T>,
  ...entries: ActivityEntry[]
) {
  if (entries.length === 0) return;
  await tx.activity.createMany({ data: activityRows(entries) });
}

/** Entries as rows for `createMany`, each checked against its kind's schema. */
export function activityRows(entries: ActivityEntry[]): Prisma.ActivityCreateManyInput[] {
  return entries.map(activityRow).map((r) => ({ ...r, from: json(r.from), to: json(r.to) }));
}
