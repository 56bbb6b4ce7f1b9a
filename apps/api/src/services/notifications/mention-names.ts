import { mentionedIds } from '@amb/shared/notifications';
import type { Db, Prisma } from '../../db/prisma';

/**
 * For each text, the people it mentions with their current names (a renamed person shows the new name); a mention
 * of someone no longer there is left out and shows as "someone".
 */
export async function mentionedPeople(db: Db | Prisma.TransactionClient, texts: string[]) {
  const ids = [...new Set(texts.flatMap((t) => mentionedIds(t)))];
  const people = ids.length
    ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  return texts.map((t) => mentionedIds(t).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])));
}
