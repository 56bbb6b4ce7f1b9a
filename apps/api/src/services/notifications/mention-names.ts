import { mentionedIds } from '@amb/shared/notifications';
import type { Db, Prisma } from '../../db/prisma';
import { readersOfTeam } from './readers';

type Tx = Db | Prisma.TransactionClient;

/**
 * The names of those of `ids` who can read the team's cards, by id. A mention names nobody else: someone outside
 * the team (or no longer in it, or no one at all) shows as "someone", so a reference typed by hand reveals no name.
 */
export async function readableNames(db: Tx, teamId: string, ids: Iterable<string>): Promise<Map<string, string>> {
  const readers = [...(await readersOfTeam(db, teamId, ids))];
  const people = readers.length
    ? await db.user.findMany({ where: { id: { in: readers } }, select: { id: true, name: true } })
    : [];
  return new Map(people.map((p) => [p.id, p.name]));
}

/** For each text written on the team's cards, the people it mentions with their current names (see above). */
export async function mentionedPeople(db: Tx, teamId: string, texts: string[]) {
  const names = await readableNames(
    db,
    teamId,
    texts.flatMap((t) => mentionedIds(t)),
  );
  return texts.map((t) => mentionedIds(t).flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : [])));
}

/**
 * The people `after` mentions and `before` did not who will not be told, because they cannot read the team's cards:
 * the fan-out tells only readers (see `intentsFor`), so the writer is warned instead. Ids as written, nothing more.
 */
export async function unreachedMentions(db: Tx, teamId: string, before: string | null, after: string) {
  const earlier = new Set(mentionedIds(before));
  const added = mentionedIds(after).filter((id) => !earlier.has(id));
  const readers = await readersOfTeam(db, teamId, added);
  return added.filter((id) => !readers.has(id));
}
